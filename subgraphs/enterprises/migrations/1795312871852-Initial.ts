import type { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795312871852 implements MigrationInterface {
  name = "Initial1795312871852";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"enterprises\".\"enterprise\" (\"id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, \"slug\" text NOT NULL, \"name\" text NOT NULL, \"short_name\" text, \"country_code\" character(2) NOT NULL, \"city\" text, \"status\" text NOT NULL DEFAULT 'ACTIVE', \"source\" text, CONSTRAINT \"ck_enterprise_status\" CHECK (status IN ('ACTIVE', 'ARCHIVED')), CONSTRAINT \"ck_enterprise_country_code\" CHECK (country_code ~ '^[A-Z]{2}$'), CONSTRAINT \"ck_enterprise_slug\" CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'), CONSTRAINT \"pk_enterprise\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_enterprise_slug\" ON \"enterprises\".\"enterprise\"  (\"slug\") ");
    await queryRunner.query("CREATE TABLE \"enterprises\".\"division\" (\"id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, \"slug\" text NOT NULL, \"name\" text NOT NULL, \"kind\" text NOT NULL, \"enterprise_id\" uuid NOT NULL, \"parent_id\" uuid, \"source\" text, CONSTRAINT \"ck_division_not_own_parent\" CHECK (parent_id IS NULL OR parent_id <> id), CONSTRAINT \"ck_division_kind\" CHECK (kind IN ('MINE', 'PLANT', 'TRAINING_CENTRE', 'SCHOOL', 'DEPARTMENT', 'MUSEUM', 'CULTURAL_CENTRE', 'OTHER')), CONSTRAINT \"ck_division_slug\" CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'), CONSTRAINT \"pk_division\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_division_slug\" ON \"enterprises\".\"division\"  (\"slug\") ");
    await queryRunner.query("CREATE INDEX \"ix_division_enterprise_id\" ON \"enterprises\".\"division\"  (\"enterprise_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_division_parent_id\" ON \"enterprises\".\"division\"  (\"parent_id\") ");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"division\" ADD CONSTRAINT \"fk_division_enterprise_id\" FOREIGN KEY (\"enterprise_id\") REFERENCES \"enterprises\".\"enterprise\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"division\" ADD CONSTRAINT \"fk_division_parent_id\" FOREIGN KEY (\"parent_id\") REFERENCES \"enterprises\".\"division\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"enterprises\".\"division\" DROP CONSTRAINT \"fk_division_parent_id\"");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"division\" DROP CONSTRAINT \"fk_division_enterprise_id\"");
    await queryRunner.query("DROP INDEX \"enterprises\".\"ix_division_parent_id\"");
    await queryRunner.query("DROP INDEX \"enterprises\".\"ix_division_enterprise_id\"");
    await queryRunner.query("DROP INDEX \"enterprises\".\"uq_division_slug\"");
    await queryRunner.query("DROP TABLE \"enterprises\".\"division\"");
    await queryRunner.query("DROP INDEX \"enterprises\".\"uq_enterprise_slug\"");
    await queryRunner.query("DROP TABLE \"enterprises\".\"enterprise\"");
  }
}
