// Progressive enhancement: "Copy link" copies the page address; without JS it is a plain link.
document.addEventListener("click", function (event) {
  var link = event.target.closest("[data-copy-link]");
  if (!link || !navigator.clipboard) return;
  event.preventDefault();
  var status = document.querySelector("[data-copy-status]");
  navigator.clipboard.writeText(link.href).then(
    function () { if (status) status.textContent = link.dataset.copied || "Link copied."; },
    function () { window.location.href = link.href; }
  );
});
