/* Tamayuz search: progressive enhancement, plain JavaScript, no build step.
 *
 * 1. Every search box marked [data-combobox] becomes a WAI-ARIA 1.2 combobox: after two
 *    characters it lists matching page titles from GET /api/search/suggest/?q=
 *    (debounced), navigable with the arrow keys, Enter and Escape, with
 *    aria-expanded and aria-activedescendant kept up to date.
 * 2. On the search page ([data-search-root]) results update without a reload through
 *    GET /api/search/: the result list, the facet counts, the paging, the status line
 *    (a polite live region) and the address (history.replaceState, so reload and back
 *    work). Result clicks are reported with navigator.sendBeacon.
 *
 * Without JavaScript both still work: the forms submit to the search page, which
 * renders everything on the server. Strings come from Django's JavaScript catalog.
 */
(function () {
  "use strict";

  // --- i18n -----------------------------------------------------------------------------
  const gettext = typeof window.gettext === "function" ? window.gettext : (text) => text;
  const ngettext =
    typeof window.ngettext === "function"
      ? window.ngettext
      : (singular, plural, count) => (count === 1 ? singular : plural);
  const interpolate = (format, values) =>
    format.replace(/%\((\w+)\)s/g, (match, name) => (name in values ? String(values[name]) : match));

  const pageLanguage = (document.documentElement.lang || "ar").slice(0, 2);
  const numberFormat = (() => {
    try {
      // The page's digit convention (<body data-digits>): Western by default, or Arabic-Indic.
      const digits = document.body && document.body.dataset.digits === "arabic-indic" ? "arab" : "latn";
      return new Intl.NumberFormat(pageLanguage === "ar" ? `ar-u-nu-${digits}` : pageLanguage);
    } catch (error) {
      return null;
    }
  })();
  const formatNumber = (value) => (numberFormat ? numberFormat.format(value) : String(value));

  const RTL_LANGUAGES = ["ar", "fa", "he", "ur"];
  const directionOf = (language) => (RTL_LANGUAGES.indexOf((language || "").slice(0, 2)) >= 0 ? "rtl" : "ltr");

  const TYPE_LABELS = {
    charter: gettext("Charter"),
    guide: gettext("Etiquette guide"),
    faq: gettext("FAQ"),
    procedure: gettext("Service procedure"),
    article: gettext("Article"),
    announcement: gettext("News"),
    page: gettext("Page"),
  };

  function readJson(id) {
    const element = document.getElementById(id);
    if (!element) return null;
    try {
      return JSON.parse(element.textContent);
    } catch (error) {
      return null;
    }
  }

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (name === "className") node.className = value;
      else if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    });
    (children || []).forEach((child) => {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /** The snippet is escaped text with <mark> around matches: keep text and <mark> only. */
  function snippetFragment(html) {
    const template = document.createElement("template");
    template.innerHTML = html || "";
    const fragment = document.createDocumentFragment();
    const copy = (source, target) => {
      source.childNodes.forEach((node) => {
        if (node.nodeType === Node.TEXT_NODE) {
          target.appendChild(document.createTextNode(node.textContent));
        } else if (node.nodeType === Node.ELEMENT_NODE && node.tagName === "MARK") {
          const mark = document.createElement("mark");
          copy(node, mark);
          target.appendChild(mark);
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          copy(node, target);
        }
      });
    };
    copy(template.content, fragment);
    return fragment;
  }

  /** A random id for one burst of typing: the server keeps one analytics row per burst
   * (the query the reader settled on) instead of one per keystroke. Not an identity. */
  function newBurstKey() {
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  }

  function debounce(callback, wait) {
    let timer = null;
    const debounced = (...args) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => callback(...args), wait);
    };
    debounced.cancel = () => window.clearTimeout(timer);
    return debounced;
  }

  // --- Combobox (suggestions) ---------------------------------------------------------------

  const MIN_SUGGEST_LENGTH = 2;
  const MAX_SUGGESTIONS = 6;
  let comboboxCount = 0;

  class Combobox {
    constructor(container) {
      this.container = container;
      this.input = container.querySelector("input");
      this.listbox = container.querySelector("[role='listbox']");
      const source = container.closest("[data-suggest-url]");
      this.url = source ? source.getAttribute("data-suggest-url") : null;
      if (!this.input || !this.listbox || !this.url) return;

      comboboxCount += 1;
      if (!this.listbox.id) this.listbox.id = `search-suggestions-${comboboxCount}`;
      this.form = this.input.form;
      this.suggestions = [];
      this.activeIndex = -1;
      this.controller = null;
      this.lastQuery = "";
      this.typeLabels = readJson("search-type-labels") || TYPE_LABELS;

      this.input.setAttribute("role", "combobox");
      this.input.setAttribute("aria-autocomplete", "list");
      this.input.setAttribute("aria-expanded", "false");
      this.input.setAttribute("aria-controls", this.listbox.id);
      this.input.setAttribute("aria-haspopup", "listbox");

      this.announcer = element("div", {
        className: "visually-hidden",
        role: "status",
        "aria-live": "polite",
        "aria-atomic": "true",
      });
      container.appendChild(this.announcer);

      this.scheduleFetch = debounce(() => this.fetchSuggestions(), 200);
      this.input.addEventListener("input", () => this.onInput());
      this.input.addEventListener("keydown", (event) => this.onKeyDown(event));
      this.input.addEventListener("blur", () => window.setTimeout(() => this.close(), 150));
      this.input.addEventListener("focus", () => {
        if (this.suggestions.length && this.input.value.trim() === this.lastQuery) this.open();
      });
      // Keep the focus in the input while an option is clicked.
      this.listbox.addEventListener("mousedown", (event) => event.preventDefault());
      this.listbox.addEventListener("click", (event) => {
        const option = event.target.closest("[role='option']");
        if (option) this.choose(Number(option.getAttribute("data-index")));
      });
      document.addEventListener("click", (event) => {
        if (!this.container.contains(event.target)) this.close();
      });
    }

    get isOpen() {
      return this.input.getAttribute("aria-expanded") === "true";
    }

    onInput() {
      const query = this.input.value.trim();
      if (query.length < MIN_SUGGEST_LENGTH) {
        this.scheduleFetch.cancel();
        if (this.controller) this.controller.abort();
        this.suggestions = [];
        this.render();
        return;
      }
      this.scheduleFetch();
    }

    async fetchSuggestions() {
      const query = this.input.value.trim();
      if (query.length < MIN_SUGGEST_LENGTH) return;
      if (this.controller) this.controller.abort();
      this.controller = new AbortController();
      try {
        const response = await fetch(`${this.url}?${new URLSearchParams({ q: query })}`, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: this.controller.signal,
        });
        if (!response.ok) {
          this.suggestions = [];
        } else {
          const data = await response.json();
          this.suggestions = Array.isArray(data.suggestions) ? data.suggestions.slice(0, MAX_SUGGESTIONS) : [];
        }
      } catch (error) {
        if (error.name === "AbortError") return;
        this.suggestions = [];
      }
      // The reader may have typed on while the request was in flight.
      if (this.input.value.trim() !== query) return;
      this.lastQuery = query;
      this.render();
    }

    render() {
      this.activeIndex = -1;
      this.input.removeAttribute("aria-activedescendant");
      this.listbox.replaceChildren();
      this.suggestions.forEach((suggestion, index) => {
        const language = suggestion.locale || pageLanguage;
        const option = element(
          "li",
          {
            id: `${this.listbox.id}-option-${index}`,
            role: "option",
            className: "search-suggestion",
            "aria-selected": "false",
            "data-index": index,
            lang: language,
            dir: directionOf(language),
          },
          [
            element("span", { className: "search-suggestion__title", text: suggestion.title }),
            element("span", {
              className: "search-suggestion__type",
              text: this.typeLabels[suggestion.type] || TYPE_LABELS[suggestion.type] || "",
              lang: pageLanguage,
              dir: directionOf(pageLanguage),
            }),
          ],
        );
        this.listbox.appendChild(option);
      });
      if (this.suggestions.length && document.activeElement === this.input) {
        this.open();
        this.announce(
          interpolate(
            ngettext(
              "%(count)s suggestion. Use the up and down arrows to choose.",
              "%(count)s suggestions. Use the up and down arrows to choose.",
              this.suggestions.length,
            ),
            { count: formatNumber(this.suggestions.length) },
          ),
        );
      } else {
        this.close();
      }
    }

    announce(text) {
      this.announcer.textContent = "";
      window.setTimeout(() => {
        this.announcer.textContent = text;
      }, 50);
    }

    open() {
      if (!this.suggestions.length) return;
      this.listbox.hidden = false;
      this.input.setAttribute("aria-expanded", "true");
    }

    close() {
      this.listbox.hidden = true;
      this.input.setAttribute("aria-expanded", "false");
      this.setActive(-1);
    }

    setActive(index) {
      const options = this.listbox.querySelectorAll("[role='option']");
      options.forEach((option, position) => option.setAttribute("aria-selected", String(position === index)));
      this.activeIndex = index;
      if (index >= 0 && options[index]) {
        this.input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        this.input.removeAttribute("aria-activedescendant");
      }
    }

    move(step) {
      if (!this.suggestions.length) return;
      if (!this.isOpen) this.open();
      const count = this.suggestions.length;
      let next = this.activeIndex + step;
      if (next >= count) next = 0;
      if (next < -1) next = count - 1;
      if (next === -1 && step < 0 && this.activeIndex === -1) next = count - 1;
      this.setActive(next);
    }

    choose(index) {
      const suggestion = this.suggestions[index];
      if (!suggestion || !suggestion.url) return;
      this.close();
      window.location.assign(suggestion.url);
    }

    onKeyDown(event) {
      switch (event.key) {
        case "ArrowDown":
          if (!this.suggestions.length) return;
          event.preventDefault();
          if (event.altKey) this.open();
          else this.move(1);
          break;
        case "ArrowUp":
          if (!this.suggestions.length) return;
          event.preventDefault();
          this.move(-1);
          break;
        case "Enter":
          if (this.isOpen && this.activeIndex >= 0) {
            event.preventDefault();
            this.choose(this.activeIndex);
          } else {
            this.close();
          }
          break;
        case "Escape":
          if (this.isOpen) {
            event.preventDefault();
            this.close();
          } else if (this.input.value) {
            event.preventDefault();
            this.input.value = "";
            this.suggestions = [];
            this.input.dispatchEvent(new Event("input", { bubbles: true }));
          }
          break;
        case "Tab":
          this.close();
          break;
        default:
          break;
      }
    }
  }

  // --- Instant results on the search page ----------------------------------------------------

  const FACETS = ["type", "channel", "agency", "lang"];
  const STATE_KEYS = ["q", ...FACETS, "page", "page_size"];
  const MAX_PAGE = 200;
  const DEFAULT_PAGE_SIZE = 10;

  class InstantSearch {
    constructor(root) {
      this.root = root;
      this.form = root.querySelector("[data-search-form]");
      this.input = this.form ? this.form.querySelector("input[name='q']") : null;
      this.area = root.querySelector("[data-search-results]");
      this.status = document.getElementById("search-status");
      if (!this.form || !this.input || !this.area || !this.status) return;

      this.apiUrl = root.getAttribute("data-api-url");
      this.clickUrl = root.getAttribute("data-click-url");
      this.csrfToken = root.getAttribute("data-csrf-token");
      // Anonymous readers' pages are cached and carry no token: fetch one (it sets the CSRF
      // cookie) only once the reader starts to interact with the page.
      if (!this.csrfToken) this.fetchTokenOnInteraction(root.getAttribute("data-csrf-url"));
      this.facetLabels = readJson("search-facet-labels") || {};
      // The filters are the side column on a wide screen (as search.css lays them out).
      this.wideScreen = window.matchMedia("(min-width: 56em)");
      this.area.querySelectorAll("[data-search-filters]").forEach((details) => {
        if (this.wideScreen.matches) details.open = true;
      });
      this.typeLabels = readJson("search-type-labels") || TYPE_LABELS;
      this.titleSuffix = document.title.indexOf(" · ") >= 0 ? document.title.slice(document.title.lastIndexOf(" · ")) : "";
      this.params = this.paramsFrom(window.location.search);
      this.reference = this.referenceFromPage();
      this.controller = null;

      this.upgradeServerResults();
      this.scheduleSearch = debounce(() => this.search({ fromTyping: true }), 400);
      this.burst = newBurstKey();
      // A pause of 2 seconds after results arrive ends the burst: the next typing is a new search.
      this.endBurst = debounce(() => {
        this.burst = newBurstKey();
      }, 2000);

      this.input.addEventListener("input", () => {
        this.endBurst.cancel();
        const query = this.input.value.trim();
        if (query === (this.params.get("q") || "")) return;
        if (!query) {
          this.scheduleSearch.cancel();
          this.reset();
          return;
        }
        if (query.length < MIN_SUGGEST_LENGTH) return;
        this.scheduleSearch();
      });
      this.form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.scheduleSearch.cancel();
        const query = this.input.value.trim();
        if (!query) {
          this.reset();
          this.input.focus();
          return;
        }
        this.params.set("q", query);
        this.params.delete("page");
        this.search({ focusResults: false });
      });
      this.area.addEventListener("click", (event) => this.onAreaClick(event));
    }

    paramsFrom(search) {
      const source = new URLSearchParams(search);
      const params = new URLSearchParams();
      STATE_KEYS.forEach((key) => source.getAll(key).forEach((value) => params.append(key, value)));
      return params;
    }

    referenceFromPage() {
      const link = this.area.querySelector("a[data-result-link], a[data-paging]");
      if (!link) return null;
      try {
        return new URL(link.href, window.location.href).searchParams.get("ref");
      } catch (error) {
        return null;
      }
    }

    /** Server-rendered results link through the click-tracking redirect: link them
     * straight to the page and report the click with a beacon instead. */
    upgradeServerResults() {
      this.area.querySelectorAll("a[data-result-link]").forEach((link) => {
        const url = link.getAttribute("data-url");
        if (url) link.setAttribute("href", url);
      });
    }

    onAreaClick(event) {
      const result = event.target.closest("a[data-result-link]");
      if (result) {
        this.reportClick(result);
        return;
      }
      const link = event.target.closest("a[data-search-link]");
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
        return;
      }
      const url = new URL(link.href, window.location.href);
      if (url.pathname !== window.location.pathname) return;
      event.preventDefault();
      this.params = this.paramsFrom(url.search);
      this.input.value = this.params.get("q") || "";
      this.search({ focusResults: true });
    }

    fetchTokenOnInteraction(url) {
      if (!url || !window.fetch) return;
      const events = ["keydown", "focusin", "pointerover", "pointerdown"];
      const load = () => {
        events.forEach((name) => this.root.removeEventListener(name, load));
        fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then((response) => (response.ok ? response.json() : null))
          .then((data) => {
            if (data && data.token) this.csrfToken = data.token;
          })
          .catch(() => {});
      };
      events.forEach((name) => this.root.addEventListener(name, load));
    }

    reportClick(link) {
      if (!this.reference || !this.clickUrl || !navigator.sendBeacon) return;
      const data = new FormData();
      data.append("ref", this.reference);
      data.append("url", link.getAttribute("data-url") || link.getAttribute("href"));
      data.append("pos", link.getAttribute("data-position") || "0");
      if (this.csrfToken) data.append("csrfmiddlewaretoken", this.csrfToken);
      try {
        navigator.sendBeacon(this.clickUrl, data);
      } catch (error) {
        /* Reporting is best effort: never block the reader's navigation. */
      }
      this.burst = newBurstKey();
    }

    updateAddress() {
      const query = this.params.toString();
      const url = query ? `${window.location.pathname}?${query}` : window.location.pathname;
      window.history.replaceState({ search: query }, "", url);
      const text = this.params.get("q");
      const title = text ? interpolate(gettext("Search: %(query)s"), { query: text }) : gettext("Search");
      document.title = `${title}${this.titleSuffix}`;
    }

    setStatus(text) {
      if (this.status.textContent !== text) this.status.textContent = text;
    }

    reset() {
      if (this.controller) this.controller.abort();
      this.params = new URLSearchParams();
      this.reference = null;
      this.updateAddress();
      this.setStatus("");
      this.area.querySelectorAll(":scope > :not(#search-status)").forEach((node) => node.remove());
      const intro = element("div", { className: "search-intro" });
      intro.appendChild(this.tips());
      this.area.appendChild(intro);
      this.form.querySelectorAll("[data-filter-input]").forEach((input) => input.remove());
    }

    async search(options) {
      const query = this.input.value.trim();
      if (!query) return;
      if (options && options.fromTyping) {
        this.params.set("q", query);
        this.params.delete("page");
      }
      if (this.controller) this.controller.abort();
      this.controller = new AbortController();
      this.area.setAttribute("aria-busy", "true");
      const requested = this.params.toString();
      const address = this.params.get("page") ? requested : `${requested}&burst=${this.burst}`;
      try {
        const response = await fetch(`${this.apiUrl}?${address}`, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: this.controller.signal,
        });
        const data = await response.json();
        if (!response.ok) {
          this.renderError(data && data.error ? data.error : gettext("The search could not be completed."));
        } else {
          this.reference = response.headers.get("X-Search-Ref") || (this.params.get("page") ? this.reference : null);
          this.render(data);
          if (options && options.fromTyping) {
            this.endBurst();
          } else {
            this.endBurst.cancel();
            this.burst = newBurstKey();
          }
        }
        this.updateAddress();
        if (options && options.focusResults) {
          const heading = document.getElementById("search-results-heading");
          if (heading) heading.focus();
        }
      } catch (error) {
        if (error.name === "AbortError") return;
        this.renderError(gettext("The search could not be completed. Check your connection and try again."));
      } finally {
        this.area.removeAttribute("aria-busy");
      }
    }

    clearArea() {
      this.area.querySelectorAll(":scope > :not(#search-status)").forEach((node) => node.remove());
    }

    renderError(message) {
      this.clearArea();
      this.setStatus("");
      this.area.appendChild(element("div", { className: "search-error", role: "alert" }, [element("p", { text: message })]));
    }

    urlWith(changes, keepPage) {
      const params = new URLSearchParams(this.params.toString());
      if (!keepPage) {
        params.delete("page");
      }
      Object.entries(changes).forEach(([key, value]) => {
        params.delete(key);
        (Array.isArray(value) ? value : value === null ? [] : [value]).forEach((item) => params.append(key, item));
      });
      if (this.reference && keepPage) params.set("ref", this.reference);
      const query = params.toString();
      return query ? `${window.location.pathname}?${query}` : window.location.pathname;
    }

    tips() {
      const template = document.getElementById("search-tips-template");
      const fragment = document.createDocumentFragment();
      if (template) fragment.appendChild(template.content.cloneNode(true));
      return fragment;
    }

    render(data) {
      this.clearArea();
      const count = Number(data.count) || 0;
      const query = data.query || this.params.get("q") || "";
      // One message about what was found (no second one in the empty state).
      this.setStatus(
        count
          ? interpolate(
              ngettext("%(shown)s result for “%(query)s”", "%(shown)s results for “%(query)s”", count),
              { shown: formatNumber(count), query },
            )
          : interpolate(gettext("Nothing found for “%(query)s”"), { query }),
      );

      // Hidden inputs keep the filters when the form is submitted again.
      this.form.querySelectorAll("[data-filter-input]").forEach((input) => input.remove());
      FACETS.forEach((name) =>
        this.params.getAll(name).forEach((value) =>
          this.form.appendChild(element("input", { type: "hidden", name, value, "data-filter-input": true })),
        ),
      );

      if (data.suggestion) {
        const link = element("a", { href: this.urlWith({ q: data.suggestion }), "data-search-link": true }, [
          element("bdi", { text: data.suggestion }),
        ]);
        const format = gettext("Did you mean %(suggestion)s?");
        const [before, after] = format.split("%(suggestion)s");
        this.area.appendChild(element("p", { className: "search-did-you-mean" }, [before || "", link, after || ""]));
      }

      const groups = this.facetGroups(data.facets || {});
      const layout = element("div", { className: `search-layout${groups.length ? " search-layout--with-filters" : ""}` });
      if (groups.length) {
        const filters = element("details", { className: "search-filters", "data-search-filters": true }, [
          element("summary", { className: "search-filters__toggle", text: gettext("Narrow results") }),
          this.renderFacets(groups),
        ]);
        filters.open = this.wideScreen.matches;
        layout.appendChild(filters);
      }
      layout.appendChild(this.renderResults(data, count));
      this.area.appendChild(layout);
    }

    facetGroups(facets) {
      const titles = {
        type: gettext("Type"),
        channel: gettext("Channel"),
        agency: gettext("Agency"),
        lang: gettext("Language"),
      };
      const typeOrder = Object.keys(this.facetLabels.type || {});
      return FACETS.map((name) => {
        const counts = Object.assign({}, facets[name] || {});
        const selected = this.params.getAll(name);
        selected.forEach((key) => {
          if (!(key in counts)) counts[key] = 0;
        });
        const labels = this.facetLabels[name] || {};
        const values = Object.entries(counts).map(([key, value]) => {
          const isSelected = selected.indexOf(key) >= 0;
          const toggled = isSelected ? selected.filter((item) => item !== key) : [...selected, key];
          return {
            key,
            label: labels[key] || (name === "type" ? this.typeLabels[key] : null) || key,
            count: Number(value) || 0,
            selected: isSelected,
            url: this.urlWith({ [name]: toggled }),
          };
        });
        values.sort((a, b) => {
          if (name === "type") {
            const order = (key) => (typeOrder.indexOf(key) >= 0 ? typeOrder.indexOf(key) : typeOrder.length);
            const difference = order(a.key) - order(b.key);
            if (difference) return difference;
          }
          return b.count - a.count;
        });
        return { name, title: titles[name], values };
      }).filter((group) => group.values.length);
    }

    renderFacets(groups) {
      const aside = element("aside", { className: "search-facets", "aria-labelledby": "search-facets-heading" }, [
        element("h2", { id: "search-facets-heading", className: "search-facets__heading", text: gettext("Refine the results") }),
      ]);
      groups.forEach((group) => {
        const list = element("ul", { className: "search-facet__list" });
        group.values.forEach((value) => {
          const counter = element("span", { className: "search-facet__count" }, [
            formatNumber(value.count),
            element("span", {
              className: "search-visually-hidden",
              text: ` ${ngettext("result", "results", value.count)}`,
            }),
          ]);
          const children = [element("span", { className: "search-facet__label", text: value.label }), counter];
          if (value.selected) {
            children.push(
              element("span", { className: "search-visually-hidden", text: gettext("(filter on: select to remove it)") }),
            );
          }
          list.appendChild(
            element("li", {}, [
              element(
                "a",
                {
                  className: `search-facet__link${value.selected ? " is-selected" : ""}`,
                  href: value.url,
                  "data-search-link": true,
                  "data-facet": group.name,
                  "data-key": value.key,
                  "aria-current": value.selected ? "true" : null,
                },
                children,
              ),
            ]),
          );
        });
        aside.appendChild(
          element("section", { className: "search-facet", "aria-labelledby": `search-facet-${group.name}` }, [
            element("h3", { id: `search-facet-${group.name}`, className: "search-facet__title", text: group.title }),
            list,
          ]),
        );
      });
      if (FACETS.some((name) => this.params.getAll(name).length)) {
        const clear = {};
        FACETS.forEach((name) => {
          clear[name] = null;
        });
        aside.appendChild(
          element("p", {}, [
            element("a", {
              className: "search-facets__clear",
              href: this.urlWith(clear),
              "data-search-link": true,
              text: gettext("Remove all filters"),
            }),
          ]),
        );
      }
      return aside;
    }

    renderResults(data, count) {
      const section = element("section", { className: "search-results", "aria-labelledby": "search-results-heading" }, [
        element("h2", {
          id: "search-results-heading",
          className: "search-visually-hidden",
          tabindex: "-1",
          text: gettext("Results"),
        }),
      ]);
      const results = Array.isArray(data.results) ? data.results : [];
      const page = Number(this.params.get("page")) || 1;
      const pageSize = Number(this.params.get("page_size")) || DEFAULT_PAGE_SIZE;
      if (results.length) {
        const list = element("ol", { className: "search-results__list", start: (page - 1) * pageSize + 1 });
        results.forEach((result, index) => {
          const language = result.locale || pageLanguage;
          const link = element("a", {
            href: result.url,
            "data-result-link": true,
            "data-url": result.url,
            "data-position": (page - 1) * pageSize + index + 1,
            text: result.title,
          });
          const body = element("div", { className: "search-result__body", lang: language, dir: directionOf(language) }, [
            element("h3", { className: "search-result__title" }, [link]),
          ]);
          if (result.snippet) {
            const snippet = element("p", { className: "search-result__snippet" });
            snippet.appendChild(snippetFragment(result.snippet));
            body.appendChild(snippet);
          }
          const languageLabel = (this.facetLabels.lang || {})[language] || language;
          list.appendChild(
            element("li", { className: "search-result" }, [
              body,
              element("p", { className: "search-result__meta" }, [
                element("span", { text: this.typeLabels[result.type] || TYPE_LABELS[result.type] || result.type }),
                element("span", { text: languageLabel }),
              ]),
            ]),
          );
        });
        section.appendChild(list);
      } else if (count) {
        section.appendChild(element("p", { text: gettext("There are no more results. Go back to the first page.") }));
      } else {
        const empty = element("div", { className: "search-empty" });
        empty.appendChild(this.tips());
        section.appendChild(empty);
      }
      const pagination = this.renderPagination(count, page, pageSize);
      if (pagination) section.appendChild(pagination);
      return section;
    }

    renderPagination(count, current, pageSize) {
      const total = Math.min(MAX_PAGE, Math.max(1, Math.ceil(count / pageSize)));
      if (total <= 1) return null;
      const list = element("ul", { className: "search-pagination__list" });
      const pageLink = (number, text, extra) =>
        element(
          "a",
          Object.assign({ href: this.urlWith({ page: String(number) }, true), "data-search-link": true, "data-paging": true }, extra || {}),
          text,
        );
      if (current > 1) list.appendChild(element("li", {}, [pageLink(current - 1, [gettext("Previous")], { rel: "prev" })]));
      const numbers = new Set([1, total]);
      for (let number = Math.max(1, current - 2); number <= Math.min(total, current + 2); number += 1) numbers.add(number);
      let previous = 0;
      Array.from(numbers)
        .sort((a, b) => a - b)
        .forEach((number) => {
          if (number - previous > 1) {
            list.appendChild(element("li", { className: "search-pagination__gap", "aria-hidden": "true", text: "…" }));
          }
          list.appendChild(
            element("li", {}, [
              pageLink(
                number,
                [element("span", { className: "search-visually-hidden", text: `${gettext("Page")} ` }), formatNumber(number)],
                { "aria-current": number === current ? "page" : null },
              ),
            ]),
          );
          previous = number;
        });
      if (current < total) list.appendChild(element("li", {}, [pageLink(current + 1, [gettext("Next")], { rel: "next" })]));
      return element("nav", { className: "search-pagination", "aria-label": gettext("Result pages") }, [list]);
    }
  }

  // --- start ---------------------------------------------------------------------------------

  function start() {
    document.querySelectorAll("[data-combobox]").forEach((container) => new Combobox(container));
    document.querySelectorAll("[data-search-root]").forEach((root) => new InstantSearch(root));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
