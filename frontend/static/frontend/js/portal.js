/* Small layout behaviours on top of HTML that already works without JavaScript:
 * the account menu (a <details> disclosure) closes with Escape or a click elsewhere, and
 * "print" buttons (hidden without JavaScript) open the browser's print dialog. */
(function () {
  "use strict";

  function start() {
    document.querySelectorAll("button[data-print]").forEach((button) => {
      button.hidden = false;
      button.addEventListener("click", () => window.print());
    });
    document.querySelectorAll("details.account-menu__details").forEach((menu) => {
      const summary = menu.querySelector("summary");
      menu.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && menu.open) {
          menu.open = false;
          if (summary) summary.focus();
        }
      });
      document.addEventListener("click", (event) => {
        if (menu.open && !menu.contains(event.target)) menu.open = false;
      });
      menu.addEventListener("focusout", (event) => {
        if (menu.open && event.relatedTarget && !menu.contains(event.relatedTarget)) menu.open = false;
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
