import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { AgreementDocument, Kpi } from '@accord/domain/agreement';

import { kpiTargetText, kpiUnit, recycleText, valueLabel } from '../shared/wording';
import { VIEW_STYLES } from './view-styles';

/** The SQL checklist, rejection reasons and KPIs of a document, read-only. */
@Component({
  selector: 'accord-terms-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let sql = document().sql;
    <h2>SQL</h2>
    <p>
      An accepted lead is an SQL when at least {{ sql.minimumMet }} of these {{ sql.checklist.length }} hold:
    </p>
    <dl>
      @for (item of sql.checklist; track item.key) {
        <dt>{{ item.label }}</dt>
        <dd>{{ item.description }}</dd>
      }
    </dl>

    <h2>Rejection reasons</h2>
    <div class="scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Reason</th>
            <th scope="col">Consequence</th>
          </tr>
        </thead>
        <tbody>
          @for (reason of document().rejectionReasons; track reason.key) {
            <tr>
              <th scope="row">{{ reason.label }}</th>
              <td>{{ recycle(reason) }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>

    <h2>KPIs</h2>
    @if (document().kpis.length === 0) {
      <p class="muted">No KPIs defined.</p>
    } @else {
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">Kind</th>
              <th scope="col">Definition</th>
              <th scope="col">Target</th>
            </tr>
          </thead>
          <tbody>
            @for (kpi of document().kpis; track kpi.key) {
              <tr>
                <th scope="row">{{ kpi.name }}</th>
                <td>{{ label(kpi.kind) }}</td>
                <td>{{ kpi.definition }}</td>
                <td>{{ target(kpi) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: VIEW_STYLES,
})
export class TermsViewComponent {
  readonly document = input.required<AgreementDocument>();

  protected readonly recycle = recycleText;
  protected readonly label = valueLabel;

  /** In the unit the dashboard measures the KPI in: "90%" for a rate, not "90 per month". */
  protected target(kpi: Kpi): string {
    return kpiTargetText(kpi.target, kpiUnit(kpi.key));
  }
}
