/* Hand-written: accessibility fixes to the theme's markup that need no template override. */
/* Material's search is a role="dialog" without a name; screen readers announce it as just "dialog". */
document.querySelectorAll(".md-search[role='dialog']:not([aria-label])").forEach(function (el) {
  el.setAttribute("aria-label", "Căutare");
});
