/* Evidence previews, progressively enhanced.
 *
 * An inline figure, numbered marker or quote is a link to its evidence card
 * (a[interestfor]) followed by its preview, a popover (span.rr-pop). Where the browser
 * has interestfor (Chromium 142+), hovering or focusing the link opens the preview
 * with no script at all. This script adds what markup cannot say:
 *   - a tap (touch or pen) opens the preview in place instead of leaving for the card,
 *     and a second tap closes it; the preview links to the card and the permalink;
 *   - where interestfor is missing, hovering and keyboard focus open it too.
 * Without popover support it does nothing, and the links go to the cards.
 */
(() => {
  "use strict";
  if (typeof HTMLElement === "undefined" ||
      !Object.prototype.hasOwnProperty.call(HTMLElement.prototype, "popover")) return;

  const INVOKER = "a[interestfor]";
  const OPEN_MS = 300;
  const CLOSE_MS = 250;

  /* The link and its preview for an event target, or [null, null]. */
  const find = (node) => {
    const link = node instanceof Element ? node.closest(INVOKER) : null;
    const pop = link && document.getElementById(link.getAttribute("interestfor"));
    return pop && pop.classList.contains("rr-pop") ? [link, pop] : [null, null];
  };
  const isOpen = (pop) => pop.matches(":popover-open");
  const show = (pop, link) => {
    if (isOpen(pop)) return;
    try {
      pop.showPopover({ source: link }); /* anchored to the link where supported */
    } catch (e) {
      pop.showPopover();
    }
  };
  const hide = (pop) => { if (isOpen(pop)) pop.hidePopover(); };
  /* On a phone the preview is a sheet along the bottom: keep what was tapped above it. */
  const uncover = (pop, link) => {
    const sheet = pop.getBoundingClientRect();
    const tapped = link.getBoundingClientRect();
    if (sheet.width < window.innerWidth - 1 || tapped.bottom <= sheet.top) return;
    window.scrollBy({ top: tapped.bottom - sheet.top + 16, behavior: "instant" });
  };

  /* Taps. A tap on an open preview's link closes it: the pointerdown outside the
     preview may already have light-dismissed it, so note the state before. */
  let pointer = "mouse";
  let wasOpen = false;
  document.addEventListener("pointerdown", (event) => {
    pointer = event.pointerType;
    const [, pop] = find(event.target);
    wasOpen = Boolean(pop) && isOpen(pop);
  }, true);
  document.addEventListener("click", (event) => {
    const type = typeof event.pointerType === "string" && event.pointerType
      ? event.pointerType : pointer;
    if (event.detail === 0 || (type !== "touch" && type !== "pen")) return;  /* keys, mouse */
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey ||
        event.shiftKey || event.altKey) return;
    const [link, pop] = find(event.target);
    if (!link) return;
    event.preventDefault();
    if (wasOpen) {
      hide(pop);
    } else {
      show(pop, link);
      uncover(pop, link);
    }
    wasOpen = false;
  });

  if ("interestForElement" in HTMLAnchorElement.prototype) return;  /* native hover/focus */

  /* Hover and keyboard focus, where interestfor is missing: open after a short delay,
     stay open while the pointer or focus is on the link or its preview. */
  let timer = 0;
  let current = null;
  const later = (fn, ms) => { clearTimeout(timer); timer = setTimeout(fn, ms); };
  const open = (link, pop) => later(() => {
    if (current && current !== pop) hide(current);
    show(pop, link);
    current = pop;
  }, OPEN_MS);
  const close = () => later(() => { if (current) hide(current); current = null; }, CLOSE_MS);
  const within = (node) => Boolean(current && node instanceof Node && current.contains(node));

  document.addEventListener("pointerover", (event) => {
    if (event.pointerType !== "mouse") return;
    const [link, pop] = find(event.target);
    if (link) open(link, pop);
    else if (within(event.target)) clearTimeout(timer);
  });
  document.addEventListener("pointerout", (event) => {
    if (event.pointerType !== "mouse") return;
    const [link] = find(event.target);
    if (!link && !within(event.target)) return;
    if (within(event.relatedTarget) || (link && find(event.relatedTarget)[0] === link)) return;
    close();
  });
  document.addEventListener("focusin", (event) => {
    const [link, pop] = find(event.target);
    if (link && link.matches(":focus-visible")) open(link, pop);
    else if (within(event.target)) clearTimeout(timer);
  });
  document.addEventListener("focusout", (event) => {
    const [link] = find(event.target);
    if ((link || within(event.target)) && !within(event.relatedTarget)) close();
  });
})();
