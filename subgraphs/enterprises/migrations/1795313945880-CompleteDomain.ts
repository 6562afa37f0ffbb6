import type { MigrationInterface, QueryRunner } from "typeorm";

export class CompleteDomain1795313945880 implements MigrationInterface {
  name = "CompleteDomain1795313945880";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"enterprises\".\"contact\" (\"id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, \"enterprise_id\" uuid NOT NULL, \"division_id\" uuid, \"name\" text NOT NULL, \"position\" text, \"email\" text, \"phone\" text, \"source\" text, CONSTRAINT \"pk_contact\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_contact_enterprise_id\" ON \"enterprises\".\"contact\"  (\"enterprise_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_contact_division_id\" ON \"enterprises\".\"contact\"  (\"division_id\") ");
    await queryRunner.query("CREATE TABLE \"enterprises\".\"enterprise_name\" (\"id\" uuid NOT NULL, \"value\" text NOT NULL, \"lang\" text NOT NULL, \"kind\" text NOT NULL, \"enterprise_id\" uuid NOT NULL, CONSTRAINT \"ck_enterprise_name_kind\" CHECK (kind IN ('OFFICIAL', 'SHORT', 'ACRONYM', 'ALTERNATIVE', 'FORMER')), CONSTRAINT \"pk_enterprise_name\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_enterprise_name_enterprise_id\" ON \"enterprises\".\"enterprise_name\"  (\"enterprise_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_enterprise_name_enterprise_id_value_lang\" ON \"enterprises\".\"enterprise_name\"  (\"enterprise_id\", \"value\", \"lang\") ");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"enterprise\" ADD \"legal_form\" text");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"enterprise\" ADD \"region\" text");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"enterprise\" ADD \"industry_codes\" text array NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"enterprise\" ADD \"website\" text");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"enterprise\" ADD \"description\" text");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"division\" ADD \"description\" text");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"contact\" ADD CONSTRAINT \"fk_contact_enterprise_id\" FOREIGN KEY (\"enterprise_id\") REFERENCES \"enterprises\".\"enterprise\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"contact\" ADD CONSTRAINT \"fk_contact_division_id\" FOREIGN KEY (\"division_id\") REFERENCES \"enterprises\".\"division\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"enterprise_name\" ADD CONSTRAINT \"fk_enterprise_name_enterprise_id\" FOREIGN KEY (\"enterprise_id\") REFERENCES \"enterprises\".\"enterprise\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"enterprises\".\"enterprise_name\" DROP CONSTRAINT \"fk_enterprise_name_enterprise_id\"");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"contact\" DROP CONSTRAINT \"fk_contact_division_id\"");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"contact\" DROP CONSTRAINT \"fk_contact_enterprise_id\"");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"division\" DROP COLUMN \"description\"");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"enterprise\" DROP COLUMN \"description\"");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"enterprise\" DROP COLUMN \"website\"");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"enterprise\" DROP COLUMN \"industry_codes\"");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"enterprise\" DROP COLUMN \"region\"");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"enterprise\" DROP COLUMN \"legal_form\"");
    await queryRunner.query("DROP INDEX \"enterprises\".\"uq_enterprise_name_enterprise_id_value_lang\"");
    await queryRunner.query("DROP INDEX \"enterprises\".\"ix_enterprise_name_enterprise_id\"");
    await queryRunner.query("DROP TABLE \"enterprises\".\"enterprise_name\"");
    await queryRunner.query("DROP INDEX \"enterprises\".\"ix_contact_division_id\"");
    await queryRunner.query("DROP INDEX \"enterprises\".\"ix_contact_enterprise_id\"");
    await queryRunner.query("DROP TABLE \"enterprises\".\"contact\"");
  }
}
