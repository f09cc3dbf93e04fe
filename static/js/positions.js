/* Sortable inline rows (the publication's authors): drag a row by its handle, or move it with
   the up/down buttons (keyboard); the position fields are then numbered 0..n-1 in the order
   shown. Without JavaScript the positions are typed, and the server appends rows left empty.
   Used on every inline fieldset with the class "sortable-rows". */
"use strict";
(function () {
  // Labels in the page's language, from the template (data-* of #sortable-labels).
  const labels = (document.getElementById("sortable-labels") || {}).dataset || {};
  const label = (key, fallback) => labels[key] || fallback;
  function rows(group) {
    return Array.from(group.querySelectorAll("tbody tr.form-row")).filter(
      (row) => !row.classList.contains("empty-form") && row.querySelector("input.position-input")
    );
  }

  // A row counts once it is saved or names an author; blank extra rows keep an empty position.
  function counts(row) {
    const id = row.querySelector("input[type=hidden][name$='-id']");
    const author = row.querySelector("select[name$='-author']");
    return (id && id.value) || (author && author.value);
  }

  function renumber(group) {
    let position = 0;
    for (const row of rows(group)) {
      const input = row.querySelector("input.position-input");
      input.value = counts(row) ? String(position++) : "";
    }
  }

  function button(className, text, label) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.textContent = text;
    element.setAttribute("aria-label", label);
    element.title = label;
    return element;
  }

  function equip(group, row) {
    if (row.querySelector(".order-controls")) return;
    const cell = document.createElement("td");
    cell.className = "order-controls";
    const handle = button("drag-handle", "\u2630", label("drag", "Drag to reorder"));
    handle.draggable = true;
    const up = button("move-row move-up", "\u2191", label("up", "Move up"));
    const down = button("move-row move-down", "\u2193", label("down", "Move down"));
    cell.append(handle, up, down);
    row.insertBefore(cell, row.firstElementChild.nextElementSibling);

    up.addEventListener("click", () => {
      const previous = rows(group)[rows(group).indexOf(row) - 1];
      if (previous) previous.before(row);
      renumber(group);
      up.focus();
    });
    down.addEventListener("click", () => {
      const next = rows(group)[rows(group).indexOf(row) + 1];
      if (next) next.after(row);
      renumber(group);
      down.focus();
    });
    handle.addEventListener("dragstart", (event) => {
      group.dragged = row;
      row.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", row.id || "row");
    });
    handle.addEventListener("dragend", () => {
      row.classList.remove("dragging");
      group.dragged = null;
      renumber(group);
    });
  }

  function setUp(group) {
    const headerRow = group.querySelector("thead tr");
    if (headerRow && !headerRow.querySelector(".order-controls-header")) {
      const th = document.createElement("th");
      th.className = "order-controls-header";
      th.textContent = label("order", "Order");
      headerRow.insertBefore(th, headerRow.firstElementChild.nextElementSibling);
    }
    for (const row of rows(group)) equip(group, row);
    const body = group.querySelector("tbody");
    body.addEventListener("dragover", (event) => {
      const dragged = group.dragged;
      const target = event.target.closest("tr.form-row");
      if (!dragged || !target || target === dragged || !rows(group).includes(target)) return;
      event.preventDefault();
      const box = target.getBoundingClientRect();
      if (event.clientY < box.top + box.height / 2) target.before(dragged);
      else target.after(dragged);
    });
    body.addEventListener("drop", (event) => {
      if (group.dragged) event.preventDefault();
      renumber(group);
    });
    group.addEventListener("change", () => renumber(group));
    renumber(group);
  }

  function start() {
    for (const group of document.querySelectorAll("fieldset.sortable-rows")) setUp(group);
  }

  document.addEventListener("formset:added", (event) => {
    const group = event.target.closest("fieldset.sortable-rows");
    if (group) {
      equip(group, event.target);
      renumber(group);
    }
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
