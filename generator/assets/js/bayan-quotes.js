/*
 * Bayan: a sentence referred to by its first words (`a.bayan-quote`, the `quote` macro of the
 * templates) opens in place on the sentence in full, Arabic and English, copied from the full
 * text of the page (the pair under its anchor `#s<n>`; `data-s` names several), and closes
 * again: each sentence is written out once per page. Without this script, or where the page
 * has no full text, the link leads to the sentence.
 */
(function () {
  "use strict";

  /* The pairs of the full text that hold the sentences a quote refers to, each once. */
  function pairs(link) {
    var numbers = (link.dataset.s || link.hash.slice(2)).split(" ");
    var found = [];
    numbers.forEach(function (n) {
      var anchor = document.getElementById("s" + n);
      var pair = anchor && anchor.closest(".bayan-pair");
      if (pair && found.indexOf(pair) < 0) found.push(pair);
    });
    return found;
  }

  /* The sentences in full, in a box after the quote, without the anchors of the full text. */
  function opened(link, found) {
    var box = document.createElement("div");
    box.className = "bayan-quoted";
    found.forEach(function (pair) {
      var copy = pair.cloneNode(true);
      copy.removeAttribute("id");
      copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
      box.appendChild(copy);
    });
    return box;
  }

  document.querySelectorAll("a.bayan-quote").forEach(function (link) {
    if (pairs(link).length) link.setAttribute("aria-expanded", "false");
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.bayan-quote[aria-expanded]") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    var box = link.nextElementSibling;
    if (box && box.classList.contains("bayan-quoted")) {
      box.remove();
      link.setAttribute("aria-expanded", "false");
    } else {
      link.after(opened(link, pairs(link)));
      link.setAttribute("aria-expanded", "true");
    }
  });
})();
