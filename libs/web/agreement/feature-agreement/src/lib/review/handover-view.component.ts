import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { type AgreementDocument, GRADES, TEMPERATURES } from '@accord/domain/agreement';

import { formatNumber, outcomeLabel, personName } from '../shared/wording';
import { VIEW_STYLES } from './view-styles';

/** The handover rules of a document, read-only: matrix, SLA and routing (members by name where known). */
@Component({
  selector: 'accord-handover-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let handover = document().handover;
    <h2>Handover</h2>
    <div class="scroll">
      <table>
        <caption class="muted">
          What happens to a lead, by fit grade and intent temperature
        </caption>
        <thead>
          <tr>
            <th scope="col">Grade</th>
            @for (temperature of temperatures; track temperature) {
              <th scope="col">{{ temperature }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (grade of grades; track grade) {
            <tr>
              <th scope="row">{{ grade }}</th>
              @for (temperature of temperatures; track temperature) {
                <td>{{ outcome(handover.matrix[grade][temperature]) }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
    <h3>SLA</h3>
    <dl>
      @for (temperature of temperatures; track temperature) {
        <dt>{{ temperature }}</dt>
        <dd>{{ number(handover.slaHours[temperature]) }} hours to accept or reject</dd>
      }
    </dl>
    <h3>Routing</h3>
    @let routing = handover.routing;
    @if (routing.mode === 'ROUND_ROBIN') {
      @if (routing.memberIds.length) {
        <p>Round robin to {{ names(routing.memberIds) }}.</p>
      } @else {
        <p>No one yet: a sales member must be chosen before this draft is proposed.</p>
      }
    } @else {
      <dl>
        @for (territory of routing.territories; track territory.key) {
          <dt>{{ territory.label }} ({{ territory.countries.join(', ') }})</dt>
          <dd>{{ names(territory.memberIds) }}</dd>
        }
        <dt>Other countries</dt>
        <dd>{{ names(routing.fallbackMemberIds) }}</dd>
      </dl>
    }
  `,
  styles: VIEW_STYLES,
})
export class HandoverViewComponent {
  readonly document = input.required<AgreementDocument>();
  readonly people = input<ReadonlyMap<string, string>>(new Map());

  protected readonly grades = GRADES;
  protected readonly temperatures = TEMPERATURES;
  protected readonly outcome = outcomeLabel;
  protected readonly number = formatNumber;

  protected names(ids: readonly string[]): string {
    return ids.map((id) => personName(id, this.people())).join(', ');
  }
}
