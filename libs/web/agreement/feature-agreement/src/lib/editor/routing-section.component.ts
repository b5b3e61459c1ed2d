import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';

import { ROUTING_MODES, type Routing, type RoutingMode } from '@accord/domain/agreement';
import { AgreementDraftStore, type RoutableMember } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { MemberListComponent } from '../shared/member-list.component';
import { ValuesInputComponent } from '../shared/values-input.component';
import { valueLabel } from '../shared/wording';
import { TextFieldComponent } from './document-fields.component';
import { listEdits, unusedKey } from './editing';
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
    TextFieldComponent,
    EditorItemComponent,
    MatButton,
    MatFormField,
    MatLabel,
    MatOption,
    MatSelect,
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
              <accord-text-field
                class="grow"
                label="Label"
                [value]="territory.label"
                [problem]="found.at(at + '.label')"
                (changed)="territories.change($index, { label: $event })"
              />
              <accord-text-field
                label="Key"
                [value]="territory.key"
                [problem]="found.at(at + '.key')"
                (changed)="territories.change($index, { key: $event })"
              />
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
