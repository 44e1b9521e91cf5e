/* "Was this page helpful?": sends the answer without leaving the page when JavaScript is
 * available (the form posts normally without it). The view answers JSON when asked. */
(function () {
  "use strict";

  const gettext = typeof window.gettext === "function" ? window.gettext : (text) => text;

  function enhance(section) {
    const form = section.querySelector("[data-feedback-form]");
    const status = section.querySelector("[data-feedback-status]");
    if (!form || !status || !window.fetch) return;

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const button = form.querySelector("button[type='submit']");
      if (button) button.disabled = true;
      status.replaceChildren();
      const message = document.createElement("p");
      try {
        const response = await fetch(form.action, {
          method: "POST",
          body: new FormData(form),
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        const data = await response.json();
        if (response.ok && data.ok) {
          message.className = "page-feedback__thanks";
          message.textContent = data.message || gettext("Thank you for your feedback.");
          status.appendChild(message);
          section.querySelectorAll(".page-feedback__error, .page-feedback__previous").forEach((node) => node.remove());
        } else {
          message.className = "page-feedback__error";
          message.textContent = data.error || gettext("Your feedback could not be sent. Please try again.");
          status.appendChild(message);
          const field = data.field && form.querySelector(`[name='${data.field}']`);
          if (field) field.focus();
        }
      } catch (error) {
        message.className = "page-feedback__error";
        message.textContent = gettext("Your feedback could not be sent. Please try again.");
        status.appendChild(message);
      } finally {
        if (button) button.disabled = false;
      }
    });
  }

  function start() {
    document.querySelectorAll("[data-page-feedback]").forEach(enhance);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
