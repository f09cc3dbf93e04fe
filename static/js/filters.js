// Progressive enhancement of the publication list's filters; without this file the form
// works with its "Apply filters" button and the panel stays open.
// - A ticked box or a chosen option applies at once (typed values wait for Enter or the button).
// - After that reload the focus and the scroll position come back to the control changed.
// - On a phone the panel starts closed ("Filters (n)" above the results), unless the reader
//   was just using it.
(function () {
  var panel = document.querySelector(".filters-panel");
  var form = document.getElementById("filters");
  if (!panel || !form) return;
  var KEY = "thinktank:filters-focus";
  var phone = window.matchMedia("(max-width: 60rem)");
  var restore = null;
  try {
    restore = JSON.parse(sessionStorage.getItem(KEY) || "null");
    sessionStorage.removeItem(KEY);
  } catch (error) { /* storage off: nothing to restore */ }

  if (phone.matches && !restore && location.hash !== "#filters") panel.open = false;
  phone.addEventListener("change", function (event) { if (!event.matches) panel.open = true; });

  form.addEventListener("change", function (event) {
    var control = event.target;
    if (control.type !== "checkbox" && control.tagName !== "SELECT") return;
    try {
      sessionStorage.setItem(KEY, JSON.stringify({
        name: control.name,
        value: control.type === "checkbox" ? control.value : "",
        y: window.scrollY
      }));
    } catch (error) { /* the change still applies */ }
    form.setAttribute("aria-busy", "true");
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  });

  if (!restore) return;
  document.addEventListener("DOMContentLoaded", function () {
    var selector = '[name="' + CSS.escape(restore.name) + '"]';
    if (restore.value) selector += '[value="' + CSS.escape(restore.value) + '"]';
    var control = form.querySelector(selector);
    if (!control) return;
    for (var box = control.closest("details"); box; box = box.parentElement.closest("details")) {
      box.open = true;
    }
    window.scrollTo(0, restore.y);
    control.focus({ preventScroll: true });
  });
})();
