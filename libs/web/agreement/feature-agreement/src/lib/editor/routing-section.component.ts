import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';

import { ROUTING_MODES, type Routing, type RoutingMode } from '@accord/domain/agreement';
import { AgreementDraftStore, type RoutableMember } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { IssueDirective } from '../shared/issue.directive';
import { MemberListComponent } from '../shared/member-list.component';
import { ValuesInputComponent } from '../shared/values-input.component';
import { valueLabel } from '../shared/wording';
import { inputText, listEdits, unusedKey } from './editing';
import { EditorItemComponent } from './editor-item.component';
import { SECTION_STYLES } from './section-styles';

type Territory = Extract<Routing, { mode: 'TERRITORY' }>['territories'][number];

/** Switching mode keeps the people: one team becomes the fallback (and first territory's) team, and back. */
export function switchRouting(routing: Routing, mode: RoutingMode): Routing {
  if (routing.mode === mode) return routing;
  const everyone =
    routing.mode === 'ROUND_ROBIN'
      ? [...routing.memberIds]
      : [
          ...new Set([
            ...routing.territories.flatMap((territory) => territory.memberIds),
            ...routing.fallbackMemberIds,
          ]),
        ];
  if (mode === 'ROUND_ROBIN') return { mode, memberIds: everyone };
  return {
    mode,
    territories: [{ key: 'territory-1', label: '', countries: [], memberIds: [...everyone] }],
    fallbackMemberIds: [...everyone],
  };
}

/** Who receives handed-over leads: one round-robin team, or a team per territory with a fallback team. */
@Component({
  selector: 'accord-routing-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    EditorItemComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    IssueDirective,
    MemberListComponent,
    ValuesInputComponent,
  ],
  template: `
    @if (store.document(); as document) {
      @let found = issues();
      @let routing = document.handover.routing;
      <h2>Routing</h2>
      @if (found.at('handover.routing'); as problem) {
        <p class="issue">{{ problem }}</p>
      }
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Hand leads to</mat-label>
        <mat-select [value]="routing.mode" (selectionChange)="setMode($event.value)">
          @for (mode of modes; track mode) {
            <mat-option [value]="mode">{{ label(mode) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (routing.mode === 'ROUND_ROBIN') {
        <accord-member-list
          label="Sales team"
          [ids]="routing.memberIds"
          [issue]="found.forValues('handover.routing.memberIds')"
          [people]="people()"
          [candidates]="candidates()"
          (idsChange)="setTeam($event)"
        />
      } @else {
        @for (territory of routing.territories; track $index) {
          @let at = 'handover.routing.territories[' + $index + ']';
          <accord-editor-item
            noun="territory"
            [index]="$index"
            [problem]="found.at(at)"
            (removed)="territories.remove($index)"
          >
            <div class="row">
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
                <mat-label>Label</mat-label>
                <input
                  matInput
                  [value]="territory.label"
                  (input)="territories.change($index, { label: text($event) })"
                  [accordIssue]="found.at(at + '.label')"
                />
                <mat-error>{{ found.at(at + '.label') }}</mat-error>
              </mat-form-field>
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>Key</mat-label>
                <input
                  matInput
                  [value]="territory.key"
                  (input)="territories.change($index, { key: text($event) })"
                  [accordIssue]="found.at(at + '.key')"
                />
                <mat-error>{{ found.at(at + '.key') }}</mat-error>
              </mat-form-field>
            </div>
            <accord-values-input
              label="Countries"
              hint="Two-letter country codes, e.g. DE"
              [values]="territory.countries"
              [issue]="found.forValues(at + '.countries')"
              (valuesChange)="territories.change($index, { countries: $event })"
            />
            <accord-member-list
              label="Team"
              [ids]="territory.memberIds"
              [issue]="found.forValues(at + '.memberIds')"
              [people]="people()"
              [candidates]="candidates()"
              (idsChange)="territories.change($index, { memberIds: $event })"
            />
          </accord-editor-item>
        }
        @if (found.at('handover.routing.territories'); as problem) {
          <p class="issue">{{ problem }}</p>
        }
        <button mat-stroked-button type="button" (click)="addTerritory()">Add territory</button>
        <h3>Leads from other countries</h3>
        <accord-member-list
          label="Fallback team"
          [ids]="routing.fallbackMemberIds"
          [issue]="found.forValues('handover.routing.fallbackMemberIds')"
          [people]="people()"
          [candidates]="candidates()"
          (idsChange)="setFallback($event)"
        />
      }
    }
  `,
  styles: [
    SECTION_STYLES,
    `
      accord-editor-item {
        display: block;
        margin-top: 12px;
      }
    `,
  ],
})
export class RoutingSectionComponent {
  protected readonly store = inject(AgreementDraftStore);
  readonly issues = input.required<IssueIndex>();
  readonly people = input<ReadonlyMap<string, string>>(new Map());
  /** The active sales members to pick from; null when they could not be read. */
  readonly candidates = input<readonly RoutableMember[] | null>(null);

  protected readonly modes = ROUTING_MODES;
  protected readonly label = valueLabel;
  protected readonly text = inputText;

  protected setMode(mode: RoutingMode): void {
    this.store.edit((document) => {
      document.handover.routing = switchRouting(document.handover.routing, mode);
    });
  }

  protected setTeam(memberIds: string[]): void {
    this.editRouting((routing) => (routing.mode === 'ROUND_ROBIN' ? { ...routing, memberIds } : routing));
  }

  protected setFallback(fallbackMemberIds: string[]): void {
    this.editRouting((routing) =>
      routing.mode === 'TERRITORY' ? { ...routing, fallbackMemberIds } : routing,
    );
  }

  /** The territories' edits; in round-robin mode there are none to edit. */
  protected readonly territories = listEdits(this.store, (document): Territory[] =>
    document.handover.routing.mode === 'TERRITORY' ? document.handover.routing.territories : [],
  );

  protected addTerritory(): void {
    this.territories.add((territories) => ({
      key: unusedKey('territory', territories),
      label: '',
      countries: [],
      memberIds: [],
    }));
  }

  private editRouting(next: (routing: Routing) => Routing): void {
    this.store.edit((document) => {
      document.handover.routing = next(document.handover.routing);
    });
  }
}
