let nextCaptionId = 0;

/** A unique id for a table's caption, which sits outside its scroller and names the table by `aria-labelledby`. */
export function tableCaptionId(): string {
  return `accord-table-caption-${nextCaptionId++}`;
}

/**
 * The styles of a table wider than its column, which scrolls sideways: shadows at the edges show there is more
 * (the covers scroll with the table and hide the shadow at an end it has reached), and the row headers stay put.
 * The caption belongs outside the scroller, or it scrolls away and wraps at the table's width.
 */
export const TABLE_SCROLL_STYLES = `
  .scroll {
    --table-surface: var(--mat-sys-surface, #fff);
    overflow-x: auto;
    background:
      linear-gradient(to right, var(--table-surface) 30%, transparent) left center / 32px 100% no-repeat local,
      linear-gradient(to left, var(--table-surface) 30%, transparent) right center / 32px 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 22%), transparent) left center / 12px 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 22%), transparent) right center / 12px 100% no-repeat
        scroll;
  }
  .scroll table {
    /* separate, not collapse: collapsed borders belong to the table and would scroll off the sticky cells. */
    border-collapse: separate;
    border-spacing: 0;
  }
  .scroll th:first-child {
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--table-surface);
    /* A shadow where the columns slide under the row headers. */
    box-shadow:
      inset -1px 0 var(--mat-sys-outline-variant),
      6px 0 6px -6px rgb(0 0 0 / 30%);
  }
  /* A column that sums its row (a total) stays at the right edge while the others scroll under it. */
  .scroll .sticky-end {
    position: sticky;
    right: 0;
    z-index: 1;
    padding-left: 12px;
    background: var(--table-surface);
    box-shadow: inset 1px 0 var(--mat-sys-outline-variant);
  }
  /* Where the browser can tie it to the scroll, the shadow shows only once the table has been scrolled (and not
     at all when it fits); elsewhere it stays. */
  @supports (animation-timeline: scroll()) {
    .scroll th:first-child {
      box-shadow: inset -1px 0 var(--mat-sys-outline-variant);
      animation: scrolled-from-start linear both;
      animation-timeline: scroll(nearest inline);
    }
  }
  @keyframes scrolled-from-start {
    0% {
      box-shadow: inset -1px 0 var(--mat-sys-outline-variant);
    }
    4%,
    100% {
      box-shadow:
        inset -1px 0 var(--mat-sys-outline-variant),
        6px 0 6px -6px rgb(0 0 0 / 30%);
    }
  }
`;
