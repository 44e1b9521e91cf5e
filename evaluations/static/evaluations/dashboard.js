// The cycle dashboard, live: when the server says the cycle's completion changed (only
// after a submission commits), re-read this page and swap in its live region. Without
// JavaScript, or if the socket closes, refreshing the page shows the same figures.
(function () {
  "use strict";
  var RETRY_MS = 5000;
  var REFRESH_DELAY_MS = 400;

  function refresh(root) {
    fetch(window.location.href, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live-region]");
        var current = root.querySelector("[data-live-region]");
        if (fresh && current) { current.innerHTML = fresh.innerHTML; }
      })
      .catch(function () { /* the next event or a manual refresh tries again */ });
  }

  function connect(root) {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + root.dataset.socket);
    var timer = null;
    socket.addEventListener("message", function (event) {
      var data = JSON.parse(event.data);
      if (data.type !== "completion.changed") { return; }
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { refresh(root); }, REFRESH_DELAY_MS);
    });
    socket.addEventListener("close", function (event) {
      if (event.code === 4403 || event.code === 4404) { return; }
      window.setTimeout(function () { connect(root); }, RETRY_MS);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.querySelector("[data-cycle-dashboard]");
    if (root && "WebSocket" in window) { connect(root); }
  });
})();
