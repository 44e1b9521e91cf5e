/* Live leaderboards: a WebSocket tells the page the standings moved; the page re-reads its
   board from the JSON API and redraws it. Reconnects by itself (with a growing pause) after
   a network drop. Without JavaScript the server-rendered board is current on each load. */
(function () {
  "use strict";

  function numberFormat(lang, digits) {
    var locale = (lang === "en" ? "en" : "ar") + "-u-nu-" + (digits === "arab" ? "arab" : "latn");
    return {
      integer: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      score: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    };
  }

  function cell(tag, text, className) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = text;
    return element;
  }

  function renderTable(root, data, formats) {
    var lang = root.dataset.lang;
    var ranked = root.querySelector("[data-ranked-rows]");
    var unranked = root.querySelector("[data-unranked-rows]");
    if (!ranked) return;
    var isList = ranked.tagName === "OL";
    var rows = [];
    var rest = [];
    data.entries.forEach(function (entry) {
      var name = lang === "en" ? entry.name_en : entry.name_ar;
      if (!entry.ranked) {
        rest.push(cell("li", name + " · " + formats.integer.format(entry.ratings) + " " + (root.dataset.labelRatings || "")));
        return;
      }
      if (isList) {
        if (rows.length >= 5) return;
        var item = document.createElement("li");
        item.append(cell("span", formats.integer.format(entry.rank), "display__rank"), " ",
          cell("span", name, "display__name"), " ",
          cell("span", formats.integer.format(entry.stars) + " ★", "display__stars"), " ",
          cell("span", formats.score.format(entry.score), "display__score"));
        rows.push(item);
        return;
      }
      var row = document.createElement("tr");
      row.append(cell("td", formats.integer.format(entry.rank), "leaderboard__rank"));
      row.append(cell("th", name));
      row.lastChild.setAttribute("scope", "row");
      row.append(cell("td", formats.integer.format(entry.stars) + " ★"));
      row.append(cell("td", formats.score.format(entry.score)));
      var move = entry.movement;
      var label = move === null ? "—" : move > 0 ? "▲ " + formats.integer.format(move) : move < 0 ? "▼ " + formats.integer.format(-move) : "=";
      row.append(cell("td", label));
      row.append(cell("td", ""));
      row.append(cell("td", formats.integer.format(entry.ratings)));
      rows.push(row);
    });
    if (rows.length) ranked.replaceChildren.apply(ranked, rows);
    if (unranked && rest.length) unranked.replaceChildren.apply(unranked, rest);
  }

  function refresh(root, board, formats) {
    var url = board.dataset.api;
    if (!url) return;
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) renderTable(board, data, formats); })
      .catch(function () {});
  }

  function showBanner(root, message) {
    var banner = root.querySelector("[data-live-banner]");
    if (!banner) return;
    var lang = root.dataset.lang;
    banner.textContent = lang === "en" ? message.title_en : message.title_ar;
    banner.hidden = false;
  }

  function connect(root, onChange) {
    var path = root.dataset.socket;
    if (!path || !window.WebSocket) return;
    var pause = 1000;
    var status = root.querySelector("[data-connection-status]");
    function open() {
      var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
      var socket = new WebSocket(scheme + window.location.host + path);
      socket.addEventListener("open", function () {
        pause = 1000;
        if (status) status.textContent = "";
        onChange();
      });
      socket.addEventListener("message", function (event) {
        var message = JSON.parse(event.data);
        if (message.type === "standings.changed") onChange();
        if (message.type === "award.announced") showBanner(root, message);
      });
      socket.addEventListener("close", function (event) {
        if (event.code === 4403 || event.code === 4404) return;
        if (status) status.textContent = "…";
        window.setTimeout(open, pause);
        pause = Math.min(pause * 2, 30000);
      });
    }
    open();
  }

  function debounce(fn, wait) {
    var timer = null;
    return function () {
      if (timer) return;
      timer = window.setTimeout(function () { timer = null; fn(); }, wait);
    };
  }

  document.addEventListener("DOMContentLoaded", function () {
    var page = document.querySelector("[data-leaderboard]");
    if (page) {
      var formats = numberFormat(page.dataset.lang, page.dataset.digits);
      connect(page, debounce(function () { refresh(page, page, formats); }, 500));
    }
    var screen = document.querySelector("[data-display]");
    if (screen) {
      var screenFormats = numberFormat(screen.dataset.lang, screen.dataset.digits);
      var boards = Array.prototype.slice.call(screen.querySelectorAll("[data-board]"));
      var current = 0;
      var seconds = parseInt(screen.dataset.rotateSeconds, 10) || 15;
      if (boards.length > 1) {
        window.setInterval(function () {
          boards[current].hidden = true;
          current = (current + 1) % boards.length;
          boards[current].hidden = false;
          refresh(screen, boards[current], screenFormats);
        }, seconds * 1000);
      }
      connect(screen, debounce(function () {
        if (boards.length) refresh(screen, boards[current], screenFormats);
      }, 500));
    }
  });
})();
