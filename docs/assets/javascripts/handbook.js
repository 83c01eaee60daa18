/* The handbook's own page code (mkdocs.yml extra_javascript): "cite this paragraph" and the
 * printed-on footer. Plain DOM code with no network use, so it works from file:// as from the
 * web; without JavaScript the page still reads, prints and links (only these extras are absent). */
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];

  function today() {
    var d = new Date();
    return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear();
  }

  /* The address a printed page or a citation gives: the published site's when the build knows
     it (site_url), else this page's own, without its search-highlight query. */
  function pageAddress(site, pagePath) {
    if (site) return site.replace(/\/?$/, "/") + pagePath;
    return location.href.split("#")[0].split("?")[0];
  }

  /* --- Printed on DATE ------------------------------------------------------------------ */

  function stampPrint() {
    document.querySelectorAll(".hb-printed-date").forEach(function (el) { el.textContent = today(); });
    document.querySelectorAll(".hb-printed-address").forEach(function (el) {
      if (!/^https?:/.test(el.textContent.trim())) el.textContent = pageAddress("", "");
    });
    /* The same words at the foot of every printed page, with "page X of Y" (Chromium prints
       @page margin boxes; only the date needs the script). The address, too long for a margin,
       is in the footer at the end of the page (main.html). */
    var style = document.getElementById("hb-print-pages");
    if (!style) {
      style = document.createElement("style");
      style.id = "hb-print-pages";
      document.head.appendChild(style);
    }
    var facts = document.querySelector(".hb-cite-data"), running = "";
    if (facts) running = "@top-left { content: " + JSON.stringify(facts.dataset.area + ": " + facts.dataset.chapter) +
      "; font: 7pt sans-serif; color: #333; } ";
    style.textContent = "@media print { @page { " + running +
      "@bottom-left { content: " + JSON.stringify("Printed on " + today() + ": check the online version for updates") +
      "; font: 7pt sans-serif; color: #333; } " +
      "@bottom-right { content: \"page \" counter(page) \" of \" counter(pages); font: 7pt sans-serif; } } }";
  }

  /* --- Cite this paragraph ---------------------------------------------------------------- */

  var dialog = null;

  /* A citation's link is a public address, never the reader's own copy: the published
     handbook's when the build knows it (site_url) or the page is served from a public host;
     from disk (the offline zip) or a local preview, the chapter's page on the partnership's
     website; none when neither is known (the handbook reference still identifies it). */
  function citationLink(data, para) {
    if (data.site) return pageAddress(data.site, data.page) + "#" + para.id;
    var local = /^(localhost|127(\.\d+){3}|\[::1\])$/.test(location.hostname);
    if (/^https?:$/.test(location.protocol) && !local) return pageAddress("", "") + "#" + para.id;
    return data.source || "";
  }

  function citation(data, para) {
    var num = para.querySelector("a.hb-num");
    var label = num ? "paragraph " + num.textContent.trim() : "unnumbered paragraph";
    var link = citationLink(data, para);
    return data.area + ", " + data.manual + ', "' + data.chapter + '", ' + label + (link ? ". " + link + " (" : " (") +
      "handbook reference " + data.ref + "#" + para.id + "; text captured " + data.captured + ").";
  }

  function openDialog(text, opener) {
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "hb-cite-dialog hb-ours md-typeset";
      dialog.setAttribute("aria-labelledby", "hb-cite-title");
      dialog.innerHTML =
        '<h2 id="hb-cite-title">Cite this paragraph</h2>' +
        '<label for="hb-cite-text">Citation (select and copy, or press Copy)</label>' +
        '<textarea id="hb-cite-text" readonly rows="5"></textarea>' +
        '<p class="hb-cite-actions"><button type="button" class="md-button md-button--primary" data-hb-copy>Copy</button> ' +
        '<button type="button" class="md-button" data-hb-close>Close</button> ' +
        '<span class="hb-cite-status" role="status" aria-live="polite"></span></p>';
      document.body.appendChild(dialog);
      dialog.querySelector("[data-hb-close]").addEventListener("click", function () { dialog.close(); });
      dialog.querySelector("[data-hb-copy]").addEventListener("click", copy);
      dialog.addEventListener("close", function () { if (dialog.opener) dialog.opener.focus(); });
    }
    dialog.opener = opener;
    var area = dialog.querySelector("textarea");
    area.value = text;
    dialog.querySelector(".hb-cite-status").textContent = "";
    dialog.showModal();
    area.focus();
    area.select();
  }

  /* The clipboard API needs a secure context and may be refused on file://: fall back to the
     selection, and in the end the text stays selected for the reader to copy. */
  function copy() {
    var area = dialog.querySelector("textarea"), status = dialog.querySelector(".hb-cite-status");
    function done() { status.textContent = "Copied."; }
    function fallback() {
      area.focus(); area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      status.textContent = ok ? "Copied." : "Press Ctrl+C (or Cmd+C) to copy the selected text.";
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(done, fallback);
    } else {
      fallback();
    }
  }

  function addCiteButtons() {
    var holder = document.querySelector(".hb-cite-data");
    if (!holder) return;
    var data = holder.dataset;
    document.querySelectorAll("article .hb-para[id]").forEach(function (para) {
      var anchor = para.querySelector("a.hb-pilcrow") || para.querySelector("a.hb-num");
      if (!anchor || para.querySelector(".hb-cite-button")) return;
      var num = para.querySelector("a.hb-num");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "hb-cite-button";
      button.textContent = "Cite";
      button.setAttribute("aria-label", "Cite " + (num ? "paragraph " + num.textContent.trim() : "this paragraph"));
      button.addEventListener("click", function () { openDialog(citation(data, para), button); });
      anchor.insertAdjacentElement("afterend", button);
    });
  }

  function start() {
    stampPrint();
    addCiteButtons();
  }

  window.addEventListener("beforeprint", stampPrint);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
