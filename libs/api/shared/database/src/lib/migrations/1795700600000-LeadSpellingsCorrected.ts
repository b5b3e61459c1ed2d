import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A workspace's spelling of a lead industry, source or campaign can be corrected in case ("linkedin" to
 * "LinkedIn"): the app may change a spelling, never its field or key, so a correction stays the same value.
 */
export class LeadSpellingsCorrected1795700600000 implements MigrationInterface {
  name = 'LeadSpellingsCorrected1795700600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`GRANT UPDATE (spelling) ON lead_spellings TO accord_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE UPDATE (spelling) ON lead_spellings FROM accord_app`);
  }
}
