/* Live leaderboards: a WebSocket tells the page the standings moved; the page re-reads its
   board from the JSON API and redraws it exactly as the server renders it (the same cells,
   sparkline, accessible labels and digits; the translated strings and formats come from the
   page, <script type="application/json" id="leaderboard-strings">). Reconnects by itself
   (with a growing pause) after a network drop, and re-reads the board then. A published
   award arrives as a banner that links to its announcement and can be dismissed (on the
   display screen it hides by itself). Without JavaScript the server-rendered board is
   current on each load. */
(function () {
  "use strict";

  var SPARK_WIDTH = 96;
  var SPARK_HEIGHT = 24;
  var SVG = "http://www.w3.org/2000/svg";

  function readStrings() {
    var node = document.getElementById("leaderboard-strings");
    if (!node) return {};
    try {
      return JSON.parse(node.textContent) || {};
    } catch (error) {
      return {};
    }
  }

  /* The page's one digit convention: Western, or Arabic-Indic on Arabic pages that chose it
     (data-digits, from frontend.formatting as the server's localize_digits uses it). */
  function numberFormat(lang, digits) {
    var locale = (lang === "en" ? "en" : "ar") + "-u-nu-" + (digits === "arab" ? "arab" : "latn");
    return {
      digits: digits === "arab" ? "arab" : "latn",
      integer: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      score: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    };
  }

  function localDigits(text, formats) {
    if (formats.digits !== "arab") return text;
    return String(text).replace(/[0-9]/g, function (digit) { return "٠١٢٣٤٥٦٧٨٩".charAt(+digit); });
  }

  function withNumber(template, number) {
    return String(template || "{n}").replace("{n}", number);
  }

  /* A date as Django's date filter writes it with the page's DATETIME_FORMAT (the letters
     the portal's formats use), in the portal's time zone, then in the page's digits. */
  function formatDate(iso, strings, formats) {
    var when = new Date(iso);
    if (isNaN(when.getTime())) return "";
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: strings.timeZone || undefined,
      year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).formatToParts(when).forEach(function (part) { parts[part.type] = part.value; });
    var day = parseInt(parts.day, 10);
    var month = parseInt(parts.month, 10);
    var hour = parseInt(parts.hour, 10) % 24;
    var pad = function (value) { return (value < 10 ? "0" : "") + value; };
    var letters = {
      j: String(day), d: pad(day), n: String(month), m: pad(month),
      F: (strings.months || [])[month - 1] || String(month), Y: parts.year,
      H: pad(hour), G: String(hour), i: parts.minute,
    };
    var format = strings.datetimeFormat || "j F Y H:i";
    var out = "";
    for (var index = 0; index < format.length; index++) {
      var letter = format.charAt(index);
      if (letter === "\\" && index + 1 < format.length) {
        out += format.charAt(++index);
      } else {
        out += Object.prototype.hasOwnProperty.call(letters, letter) ? letters[letter] : letter;
      }
    }
    return localDigits(out, formats);
  }

  /* The same points as awards.views.sparkline_points: scaled to the series' own range (at
     least 2 points), time running right to left on right-to-left pages. */
  function sparklinePoints(values, rtl) {
    if (!values || values.length < 2) return "";
    var step = SPARK_WIDTH / (values.length - 1);
    var low = Math.min.apply(null, values);
    var high = Math.max.apply(null, values);
    if (high - low < 2) {
      var middle = (high + low) / 2;
      low = middle - 1;
      high = middle + 1;
    }
    return values.map(function (value, index) {
      var x = index * step;
      if (rtl) x = SPARK_WIDTH - x;
      var y = 2 + (SPARK_HEIGHT - 4) * (1 - (value - low) / (high - low));
      return x.toFixed(1) + "," + y.toFixed(1);
    }).join(" ");
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function hidden(text) {
    return element("span", text, "visually-hidden");
  }

  function movementCell(move, strings, formats) {
    var cell = document.createElement("td");
    var span;
    if (move === null || move === undefined) {
      span = element("span", "—", "movement");
    } else if (move > 0) {
      span = element("span", "▲ " + formats.integer.format(move), "movement movement--up");
      span.append(hidden(" " + strings.up));
    } else if (move < 0) {
      span = element("span", "▼ " + formats.integer.format(-move), "movement movement--down");
      span.append(hidden(" " + strings.down));
    } else {
      span = element("span", "= ", "movement");
      span.append(hidden(strings.same));
    }
    cell.append(span);
    return cell;
  }

  function sparklineCell(values, rtl, strings) {
    var cell = document.createElement("td");
    var points = sparklinePoints(values, rtl);
    if (!points) return cell;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "sparkline");
    svg.setAttribute("width", String(SPARK_WIDTH));
    svg.setAttribute("height", String(SPARK_HEIGHT));
    svg.setAttribute("viewBox", "0 0 " + SPARK_WIDTH + " " + SPARK_HEIGHT);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", strings.sparkline);
    var line = document.createElementNS(SVG, "polyline");
    line.setAttribute("points", points);
    line.setAttribute("fill", "none");
    line.setAttribute("stroke", "currentColor");
    line.setAttribute("stroke-width", "2");
    svg.append(line);
    cell.append(svg);
    return cell;
  }

  function nameCell(entry, name, strings) {
    var cell = element("th", null);
    cell.setAttribute("scope", "row");
    if (strings.detailUrl) {
      var link = element("a", name);
      link.href = strings.detailUrl.replace("__slug__", encodeURIComponent(entry.slug));
      cell.append(link);
    } else {
      cell.textContent = name;
    }
    return cell;
  }

  function tableRow(entry, name, lang, strings, formats) {
    var row = document.createElement("tr");
    row.append(element("td", formats.integer.format(entry.rank), "leaderboard__rank"));
    row.append(nameCell(entry, name, strings));
    var starsCell = document.createElement("td");
    var stars = element("span", formats.integer.format(entry.stars) + " ★", "stars");
    stars.setAttribute("aria-label", withNumber(strings.stars, formats.integer.format(entry.stars)));
    starsCell.append(stars);
    row.append(starsCell);
    row.append(element("td", formats.score.format(entry.score)));
    row.append(movementCell(entry.movement, strings, formats));
    row.append(sparklineCell(entry.sparkline, lang !== "en", strings));
    row.append(element("td", formats.integer.format(entry.ratings)));
    return row;
  }

  function displayItem(entry, name, formats) {
    var item = document.createElement("li");
    item.append(element("span", formats.integer.format(entry.rank), "display__rank"), " ",
      element("span", name, "display__name"), " ",
      element("span", formats.integer.format(entry.stars) + " ★", "display__stars"), " ",
      element("span", formats.score.format(entry.score), "display__score"));
    return item;
  }

  function renderBoard(root, board, data, strings, formats) {
    var lang = root.dataset.lang;
    var ranked = board.querySelector("[data-ranked-rows]");
    var unranked = board.querySelector("[data-unranked-rows]");
    if (!ranked) return;
    var isList = ranked.tagName === "OL";
    var rows = [];
    var rest = [];
    data.entries.forEach(function (entry) {
      var name = lang === "en" ? entry.name_en : entry.name_ar;
      if (!entry.ranked) {
        var text = name + " · " + withNumber(strings.ratings, formats.integer.format(entry.ratings));
        var missing = entry.missing || [];
        if (missing.indexOf("evaluation") !== -1) text += " · " + strings.missingEvaluation;
        if (missing.indexOf("participation") !== -1) text += " · " + strings.missingParticipation;
        rest.push(element("li", text));
      } else if (isList) {
        if (rows.length < 5) rows.push(displayItem(entry, name, formats));
      } else {
        rows.push(tableRow(entry, name, lang, strings, formats));
      }
    });
    if (!isList && !rows.length) {
      var empty = document.createElement("tr");
      var cell = element("td", strings.nobodyRanked);
      cell.setAttribute("colspan", "7");
      empty.append(cell);
      rows.push(empty);
    }
    if (rows.length) ranked.replaceChildren.apply(ranked, rows);
    if (unranked) {
      if (!rest.length) rest.push(element("li", strings.none));
      unranked.replaceChildren.apply(unranked, rest);
    }
    var updated = board.querySelector("[data-updated]");
    if (updated) updated.textContent = data.updated_at ? strings.lastRating + ": " + formatDate(data.updated_at, strings, formats) : "";
  }

  function refresh(root, board, strings, formats) {
    var url = board.dataset.api;
    if (!url) return;
    // Revalidated: a shared cache may keep a public board a few seconds, this one just moved.
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-cache" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) renderBoard(root, board, data, strings, formats); })
      .catch(function () {});
  }

  /* Banners ---------------------------------------------------------------------------- */

  function sameOrigin(url) {
    try {
      return new URL(url, window.location.href).origin === window.location.origin;
    } catch (error) {
      return false;
    }
  }

  function dismiss(banner) {
    var container = banner.parentNode;
    banner.remove();
    // Keyboard users keep their place: focus goes to the next banner's button, or the page.
    if (container) {
      var next = container.querySelector("[data-banner-close]");
      if (next) next.focus();
    }
  }

  function showBanner(root, message) {
    var container = root.querySelector("[data-live-banners]");
    if (!container) return;
    var lang = root.dataset.lang === "en" ? "en" : "ar";
    var title = lang === "en" ? message.title_en : message.title_ar;
    var url = (message.urls && message.urls[lang]) || message.url || "";
    var shown = Array.prototype.some.call(container.querySelectorAll(".live-banner__link"), function (link) {
      return link.textContent === title;
    });
    if (!title || shown) return;
    var banner = element("div", null, "live-banner");
    banner.setAttribute("role", "status");
    var link = element(url && sameOrigin(url) ? "a" : "span", title, "live-banner__link");
    if (link.tagName === "A") link.href = url;
    var close = element("button", "×", "live-banner__close");
    close.type = "button";
    close.setAttribute("data-banner-close", "");
    close.setAttribute("aria-label", container.dataset.labelDismiss || "×");
    banner.append(link, " ", close);
    container.prepend(banner);
    var seconds = parseInt(root.dataset.bannerSeconds, 10);
    if (seconds > 0) window.setTimeout(function () { if (banner.isConnected) banner.remove(); }, seconds * 1000);
  }

  function watchBanners(root) {
    root.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-banner-close]") : null;
      var banner = button ? button.closest(".live-banner") : null;
      if (banner) dismiss(banner);
    });
  }

  /* The socket -------------------------------------------------------------------------- */

  function connect(root, onChange) {
    var path = root.dataset.socket;
    if (!path || !window.WebSocket) return;
    var pause = 1000;
    var opened = false;
    var status = root.querySelector("[data-connection-status]");
    function open() {
      var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
      var socket = new WebSocket(scheme + window.location.host + path);
      socket.addEventListener("open", function () {
        pause = 1000;
        root.dataset.socketState = "open";
        if (status) status.textContent = "";
        // The page was rendered current; after a drop, catch up with what was missed.
        if (opened) onChange();
        opened = true;
      });
      socket.addEventListener("message", function (event) {
        var message;
        try {
          message = JSON.parse(event.data);
        } catch (error) {
          return;
        }
        if (message.type === "standings.changed") onChange();
        if (message.type === "award.announced") showBanner(root, message);
      });
      socket.addEventListener("close", function (event) {
        root.dataset.socketState = "closed";
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
    var strings = readStrings();
    var page = document.querySelector("[data-leaderboard]");
    if (page) {
      var formats = numberFormat(page.dataset.lang, page.dataset.digits);
      watchBanners(page);
      connect(page, debounce(function () { refresh(page, page, strings, formats); }, 500));
    }
    var screen = document.querySelector("[data-display]");
    if (screen) {
      var screenFormats = numberFormat(screen.dataset.lang, screen.dataset.digits);
      var boards = Array.prototype.slice.call(screen.querySelectorAll("[data-board]"));
      var current = 0;
      var seconds = parseInt(screen.dataset.rotateSeconds, 10) || 15;
      watchBanners(screen);
      if (boards.length > 1) {
        window.setInterval(function () {
          boards[current].hidden = true;
          current = (current + 1) % boards.length;
          boards[current].hidden = false;
          refresh(screen, boards[current], strings, screenFormats);
        }, seconds * 1000);
      }
      connect(screen, debounce(function () {
        if (boards.length) refresh(screen, boards[current], strings, screenFormats);
      }, 500));
    }
  });
})();
