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
      /* One Tab stop a paragraph: Cite gives the paragraph's link too, so the number (or the
         pilcrow) beside it is left to the mouse and to a shared address. */
      anchor.tabIndex = -1;
    });
  }

  /* --- Term definitions for keyboard and touch ---------------------------------------------
     A native title tooltip shows only to a mouse, after a delay: the definition is shown in a
     tooltip of our own on hover, focus (the page's first use of each term is a Tab stop) and
     tap, and described to screen readers while it shows. Escape closes it. */

  var tip = null, tipFor = null;

  function definition(abbr) {
    if (abbr.hasAttribute("title")) {
      abbr.dataset.hbDef = abbr.getAttribute("title");
      abbr.removeAttribute("title");  /* one tooltip, not ours and the browser's */
    }
    return abbr.dataset.hbDef || "";
  }

  function showTip(abbr) {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "hb-tip";
      tip.className = "hb-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      document.body.appendChild(tip);
    }
    tip.textContent = definition(abbr);
    tip.hidden = false;
    var r = abbr.getBoundingClientRect(), width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(r.left, width - tip.offsetWidth - 8));
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
    var described = (abbr.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== "hb-tip"; });
    abbr.setAttribute("aria-describedby", described.concat("hb-tip").join(" "));
    tipFor = abbr;
  }

  function hideTip() {
    if (!tip || tip.hidden) return;
    tip.hidden = true;
    if (tipFor) {
      var rest = (tipFor.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== "hb-tip"; });
      if (rest.length) tipFor.setAttribute("aria-describedby", rest.join(" "));
      else tipFor.removeAttribute("aria-describedby");
    }
    tipFor = null;
  }

  function termOf(event) {
    return event.target && event.target.closest ? event.target.closest("abbr.hb-term") : null;
  }

  function watchTerms() {
    document.querySelectorAll("abbr.hb-term[title]").forEach(definition);
    document.addEventListener("focusin", function (e) { var t = termOf(e); if (t) showTip(t); else hideTip(); });
    document.addEventListener("focusout", function (e) { if (termOf(e)) hideTip(); });
    document.addEventListener("mouseover", function (e) { var t = termOf(e); if (t) showTip(t); });
    document.addEventListener("mouseout", function (e) { if (termOf(e) && document.activeElement !== termOf(e)) hideTip(); });
    /* A tap shows it (a tap also focuses the term); a tap anywhere else closes it. */
    document.addEventListener("click", function (e) { var t = termOf(e); if (t) showTip(t); else hideTip(); });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") hideTip(); });
  }

  /* The home page's search button opens Material's search, as pressing "s" does. */
  function searchButtons() {
    document.querySelectorAll("[data-hb-open-search]").forEach(function (button) {
      button.addEventListener("click", function () {
        var toggle = document.getElementById("__search"), input = document.querySelector(".md-search__input");
        if (toggle) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
        if (input) setTimeout(function () { input.focus(); }, 50);
      });
    });
  }

  /* --- Tables on a phone -------------------------------------------------------------------
     Each cell learns its column's heading, so a narrow screen can show every row as a card
     ("Next review: November 2026") instead of hiding the columns that matter off-screen; a
     table that still scrolls sideways says so. */

  function labelTables() {
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
      if (!heads.length) return;
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) { if (heads[i]) cell.setAttribute("data-label", heads[i]); });
      });
      table.setAttribute("data-hb-stacked", "");
    });
  }

  function markScrolling() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.classList.toggle("hb-scrolls", scrolls);
      var cue = wrap.previousElementSibling && wrap.previousElementSibling.classList.contains("hb-scroll-cue") ? wrap.previousElementSibling : null;
      if (scrolls && !cue) {
        cue = document.createElement("p");
        cue.className = "hb-scroll-cue";
        cue.setAttribute("aria-hidden", "true");
        cue.textContent = "This table scrolls sideways \u2192";
        wrap.parentNode.insertBefore(cue, wrap);
      } else if (!scrolls && cue) {
        cue.remove();
      }
    });
  }

  function start() {
    labelTables();
    markScrolling();
    window.addEventListener("resize", markScrolling);
    /* Material names its search dialog on every page but the 404 page: name it there too. */
    document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (el) {
      el.setAttribute("aria-label", "Search");
    });
    searchButtons();
    stampPrint();
    addCiteButtons();
    watchTerms();
  }

  window.addEventListener("beforeprint", stampPrint);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
