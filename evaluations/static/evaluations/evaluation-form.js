// The rater's form: focus the error summary when the page shows one, and keep a second
// click on "Submit" from sending the form twice (the server refuses a second submission
// anyway, with a message).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
    var form = document.querySelector("[data-evaluation-form]");
    if (!form) {
      return;
    }
    var sent = false;
    form.addEventListener("submit", function (event) {
      if (sent) {
        event.preventDefault();
        return;
      }
      sent = true;
    });
  });
})();
