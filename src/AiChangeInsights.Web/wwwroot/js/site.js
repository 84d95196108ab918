// Small behaviours of the dashboard, in a file of its own: the content security policy allows no inline script.
// A select marked data-autosubmit submits its form when it changes (the KPI, lag and activity choosers).
document.addEventListener('change', event => {
    const select = event.target.closest('select[data-autosubmit]');
    if (select && select.form) select.form.submit();
});
