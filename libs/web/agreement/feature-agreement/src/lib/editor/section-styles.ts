/**
 * The styles every section of the agreement editor shares: headings, help text, rows of fields, their widths and a
 * problem's colour. A section adds its own after these (`styles: [SECTION_STYLES, '…']`).
 */
export const SECTION_STYLES = `
  h2 {
    font: var(--mat-sys-title-medium);
    margin: 16px 0 8px;
  }
  h2:has(+ .help) {
    margin-bottom: 4px;
  }
  h3 {
    font: var(--mat-sys-title-small);
    margin: 16px 0 8px;
  }
  .help {
    color: var(--mat-sys-on-surface-variant);
    margin: 0 0 12px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
    margin: 0 0 8px;
  }
  .grow {
    flex: 1 1 200px;
  }
  .wide {
    width: 100%;
  }
  .number {
    width: 140px;
  }
  .issue {
    color: var(--mat-sys-error);
  }
`;
