// Applies the chosen theme before the page paints, so a dark theme never flashes light. A file, not an inline
// script: the Content-Security-Policy allows scripts from this origin only.
try {
	var theme = localStorage.getItem('telltale.theme');
	if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (e) {
	// No storage: the system setting applies.
}
