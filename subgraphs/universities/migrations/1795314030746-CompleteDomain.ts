import type { MigrationInterface, QueryRunner } from "typeorm";

export class CompleteDomain1795314030746 implements MigrationInterface {
  name = "CompleteDomain1795314030746";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"universities\".\"person\" (\"id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, \"university_id\" uuid NOT NULL, \"department_id\" uuid, \"name\" text NOT NULL, \"position\" text, \"academic_degree\" text, \"origin_country_code\" character(2), \"honours\" jsonb NOT NULL DEFAULT '[]', \"email\" text, \"phone\" text, \"source\" text, CONSTRAINT \"ck_person_origin_country_code\" CHECK (origin_country_code IS NULL OR origin_country_code ~ '^[A-Z]{2}$'), CONSTRAINT \"pk_person\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_person_university_id\" ON \"universities\".\"person\"  (\"university_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_person_department_id\" ON \"universities\".\"person\"  (\"department_id\") ");
    await queryRunner.query("CREATE TABLE \"universities\".\"university_name\" (\"id\" uuid NOT NULL, \"value\" text NOT NULL, \"lang\" text NOT NULL, \"kind\" text NOT NULL, \"university_id\" uuid NOT NULL, CONSTRAINT \"ck_university_name_kind\" CHECK (kind IN ('OFFICIAL', 'SHORT', 'ACRONYM', 'ALTERNATIVE', 'FORMER')), CONSTRAINT \"pk_university_name\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_university_name_university_id\" ON \"universities\".\"university_name\"  (\"university_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_university_name_university_id_value_lang\" ON \"universities\".\"university_name\"  (\"university_id\", \"value\", \"lang\") ");
    await queryRunner.query("ALTER TABLE \"universities\".\"university\" ADD \"region\" text");
    await queryRunner.query("ALTER TABLE \"universities\".\"university\" ADD \"field_codes\" text array NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"universities\".\"university\" ADD \"ror_id\" text");
    await queryRunner.query("ALTER TABLE \"universities\".\"university\" ADD \"website\" text");
    await queryRunner.query("ALTER TABLE \"universities\".\"university\" ADD \"description\" text");
    await queryRunner.query("ALTER TABLE \"universities\".\"department\" ADD \"field_codes\" text array NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"universities\".\"department\" ADD \"description\" text");
    await queryRunner.query("ALTER TABLE \"universities\".\"university\" ADD CONSTRAINT \"ck_university_ror_id\" CHECK (ror_id IS NULL OR ror_id ~ '^0[a-z0-9]{6}[0-9]{2}$')");
    await queryRunner.query("ALTER TABLE \"universities\".\"person\" ADD CONSTRAINT \"fk_person_university_id\" FOREIGN KEY (\"university_id\") REFERENCES \"universities\".\"university\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"universities\".\"person\" ADD CONSTRAINT \"fk_person_department_id\" FOREIGN KEY (\"department_id\") REFERENCES \"universities\".\"department\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"universities\".\"university_name\" ADD CONSTRAINT \"fk_university_name_university_id\" FOREIGN KEY (\"university_id\") REFERENCES \"universities\".\"university\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"universities\".\"university_name\" DROP CONSTRAINT \"fk_university_name_university_id\"");
    await queryRunner.query("ALTER TABLE \"universities\".\"person\" DROP CONSTRAINT \"fk_person_department_id\"");
    await queryRunner.query("ALTER TABLE \"universities\".\"person\" DROP CONSTRAINT \"fk_person_university_id\"");
    await queryRunner.query("ALTER TABLE \"universities\".\"university\" DROP CONSTRAINT \"ck_university_ror_id\"");
    await queryRunner.query("ALTER TABLE \"universities\".\"department\" DROP COLUMN \"description\"");
    await queryRunner.query("ALTER TABLE \"universities\".\"department\" DROP COLUMN \"field_codes\"");
    await queryRunner.query("ALTER TABLE \"universities\".\"university\" DROP COLUMN \"description\"");
    await queryRunner.query("ALTER TABLE \"universities\".\"university\" DROP COLUMN \"website\"");
    await queryRunner.query("ALTER TABLE \"universities\".\"university\" DROP COLUMN \"ror_id\"");
    await queryRunner.query("ALTER TABLE \"universities\".\"university\" DROP COLUMN \"field_codes\"");
    await queryRunner.query("ALTER TABLE \"universities\".\"university\" DROP COLUMN \"region\"");
    await queryRunner.query("DROP INDEX \"universities\".\"uq_university_name_university_id_value_lang\"");
    await queryRunner.query("DROP INDEX \"universities\".\"ix_university_name_university_id\"");
    await queryRunner.query("DROP TABLE \"universities\".\"university_name\"");
    await queryRunner.query("DROP INDEX \"universities\".\"ix_person_department_id\"");
    await queryRunner.query("DROP INDEX \"universities\".\"ix_person_university_id\"");
    await queryRunner.query("DROP TABLE \"universities\".\"person\"");
  }
}
