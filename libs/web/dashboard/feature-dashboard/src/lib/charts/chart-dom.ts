import { DestroyRef, ElementRef, afterNextRender, inject } from '@angular/core';

/**
 * Calls `apply` with the component's host once it has rendered, and again whenever ngx-charts adds or replaces
 * elements in it (new data, a resize, a tooltip): for what ngx-charts has no input for. Call it in a constructor.
 */
export function whenChartDrawn(apply: (host: HTMLElement) => void): void {
  const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  const destroyRef = inject(DestroyRef);
  afterNextRender(() => {
    apply(host);
    // Only added and removed nodes: the attributes `apply` sets do not call it again.
    const observer = new MutationObserver(() => apply(host));
    observer.observe(host, { childList: true, subtree: true });
    destroyRef.onDestroy(() => observer.disconnect());
  });
}

/**
 * Takes ngx-charts' tooltip hosts (each bar, the line chart's hover anchor) out of the tab order. Their focus
 * listeners make browsers stop on them, yet they announce nothing, and the chart is one image whose label already
 * reads out its numbers. Mouse tooltips are unaffected.
 */
export function keepOutOfTabOrder(host: HTMLElement): void {
  for (const element of Array.from(host.querySelectorAll('svg [ngx-tooltip]'))) {
    if (element.getAttribute('tabindex') !== '-1') element.setAttribute('tabindex', '-1');
  }
}
