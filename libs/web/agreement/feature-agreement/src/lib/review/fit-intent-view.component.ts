import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { AgreementDocument } from '@accord/domain/agreement';

import { conditionText, fieldLabel, formatNumber, signedPoints } from '../shared/wording';
import { VIEW_STYLES } from './view-styles';

/** The fit and intent models of a document, read-only. */
@Component({
  selector: 'accord-fit-intent-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let fit = document().fit;
    @let intent = document().intent;
    <h2>ICP &amp; fit</h2>
    <div class="scroll">
      <table>
        <caption class="muted">
          Fit criteria: a lead earns the points of each criterion it matches
        </caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Lead field</th>
            <th scope="col">Condition</th>
            <th scope="col" class="number">Points</th>
          </tr>
        </thead>
        <tbody>
          @for (criterion of fit.criteria; track criterion.key) {
            <tr>
              <th scope="row">{{ criterion.label }}</th>
              <td>{{ field(criterion.field) }}</td>
              <td>{{ condition(criterion.condition) }}</td>
              <td class="number">{{ points(criterion.points) }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    <h3>Grades</h3>
    <dl>
      <dt>A</dt>
      <dd>fit score {{ number(fit.grades.A) }} or more</dd>
      <dt>B</dt>
      <dd>fit score {{ number(fit.grades.B) }} or more</dd>
      <dt>C</dt>
      <dd>fit score {{ number(fit.grades.C) }} or more</dd>
      <dt>D</dt>
      <dd>below {{ number(fit.grades.C) }}</dd>
    </dl>

    <h2>Intent</h2>
    <div class="scroll">
      <table>
        <caption class="muted">
          Signal types: each counted signal adds its weight, halving every half-life
        </caption>
        <thead>
          <tr>
            <th scope="col">Signal</th>
            <th scope="col">Type</th>
            <th scope="col" class="number">Weight</th>
            <th scope="col" class="number">Counts at most</th>
            <th scope="col" class="number">Half-life (days)</th>
          </tr>
        </thead>
        <tbody>
          @for (signal of intent.signals; track signal.type) {
            <tr>
              <th scope="row">{{ signal.label }}</th>
              <td>{{ signal.type }}</td>
              <td class="number">{{ number(signal.weight) }}</td>
              <td class="number">{{ signal.cap }}</td>
              <td class="number">{{ number(signal.halfLifeDays) }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    <h3>Temperature</h3>
    <dl>
      <dt>HOT</dt>
      <dd>intent score {{ number(intent.temperature.hot) }} or more</dd>
      <dt>WARM</dt>
      <dd>intent score {{ number(intent.temperature.warm) }} or more</dd>
      <dt>COLD</dt>
      <dd>below {{ number(intent.temperature.warm) }}</dd>
    </dl>
  `,
  styles: VIEW_STYLES,
})
export class FitIntentViewComponent {
  readonly document = input.required<AgreementDocument>();

  protected readonly field = fieldLabel;
  protected readonly condition = conditionText;
  protected readonly points = signedPoints;
  protected readonly number = formatNumber;
}
