/* Keyboard shortcuts of the review queue: j/k move, Enter opens, x selects, t takes the next
   claim, ? shows the shortcuts. Served from static so the Content-Security-Policy allows it. */
(function () {
  "use strict";

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#queue tbody tr[data-url]"));
  }

  function current() {
    return document.querySelector("#queue tbody tr.selected");
  }

  function select(row) {
    var previous = current();
    if (previous) {
      previous.classList.remove("selected");
      previous.removeAttribute("aria-current");
    }
    if (!row) return;
    row.classList.add("selected");
    row.setAttribute("aria-current", "true");
    row.scrollIntoView({ block: "nearest" });
    var link = row.querySelector("a.claimlink");
    if (link) link.focus({ preventScroll: true });
  }

  function move(step) {
    var all = rows();
    if (!all.length) return;
    var index = all.indexOf(current());
    var next = index < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, index + step));
    select(all[next]);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var queue = document.getElementById("queue");
    if (event.key === "?") {
      var help = document.getElementById("shortcuts");
      if (help) {
        help.classList.toggle("open");
        event.preventDefault();
      }
      return;
    }
    if (!queue) return;
    if (event.key === "j") { move(1); event.preventDefault(); }
    else if (event.key === "k") { move(-1); event.preventDefault(); }
    else if (event.key === "Enter" && current() && event.target.tagName !== "A" && event.target.tagName !== "BUTTON") {
      window.location.href = current().getAttribute("data-url");
      event.preventDefault();
    } else if (event.key === "x" && current()) {
      var box = current().querySelector("input[type=checkbox]");
      if (box) box.checked = !box.checked;
      event.preventDefault();
    } else if (event.key === "t") {
      var take = document.getElementById("take-next");
      if (take) take.requestSubmit();
      event.preventDefault();
    }
  });

  // A click on a row selects it, so the keyboard continues from there.
  document.addEventListener("click", function (event) {
    var row = event.target.closest && event.target.closest("#queue tbody tr[data-url]");
    if (row) {
      var previous = current();
      if (previous) previous.classList.remove("selected");
      row.classList.add("selected");
    }
  });
})();
