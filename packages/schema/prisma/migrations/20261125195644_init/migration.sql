-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('PROVINCE', 'DISTRICT', 'WARD', 'COMMUNE', 'RESIDENTIAL_GROUP');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('CITY_PARTY_COMMITTEE', 'DISTRICT_PARTY_COMMITTEE', 'WARD_PARTY_COMMITTEE', 'PARTY_CELL', 'PEOPLES_COMMITTEE', 'PEOPLES_COUNCIL', 'FATHERLAND_FRONT_COMMITTEE', 'FRONT_WORK_COMMITTEE', 'MASS_ORGANIZATION_BRANCH', 'RESIDENTIAL_GROUP_LEADERSHIP', 'MANAGEMENT_BOARD', 'GOVERNMENT_OFFICE');

-- CreateEnum
CREATE TYPE "MassOrganization" AS ENUM ('WOMENS_UNION', 'VETERANS_ASSOCIATION', 'YOUTH_UNION', 'ELDERLY_ASSOCIATION', 'FARMERS_ASSOCIATION');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('HEAD', 'DEPUTY_HEAD', 'SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER', 'MEMBER', 'INTERIM_HEAD');

-- CreateEnum
CREATE TYPE "PartyStatus" AS ENUM ('PROBATIONARY', 'OFFICIAL');

-- CreateEnum
CREATE TYPE "ResidenceContactCategory" AS ENUM ('NORMAL', 'EXEMPT_FROM_ACTIVITIES', 'EXEMPT_FROM_INTRODUCTION');

-- CreateEnum
CREATE TYPE "OwnershipKind" AS ENUM ('OWNER', 'AUTHORISED_USER');

-- CreateEnum
CREATE TYPE "BoardChangeKind" AS ENUM ('ESTABLISHMENT', 'CONSOLIDATION');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('INTERIM', 'FINAL');

-- CreateEnum
CREATE TYPE "PresenterCategory" AS ENUM ('PARTY_COMMITTEE', 'GOVERNMENT_OFFICE', 'FATHERLAND_FRONT', 'RESIDENTIAL_GROUP', 'MANAGEMENT_BOARD');

-- CreateEnum
CREATE TYPE "CommendationKind" AS ENUM ('COLLECTIVE', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "NomineeCategory" AS ENUM ('PARTY_MEMBER', 'POLITICAL_SYSTEM_MEMBER', 'RESIDENCE_CONTACT_MEMBER');

-- CreateEnum
CREATE TYPE "NominationOutcome" AS ENUM ('PENDING', 'ELECTED', 'NOT_ELECTED');

-- CreateEnum
CREATE TYPE "TrainingTopic" AS ENUM ('FIRE_SAFETY', 'RESCUE', 'BUILDING_OPERATION');

-- CreateEnum
CREATE TYPE "PetitionKind" AS ENUM ('COMPLAINT', 'DENUNCIATION', 'PROPOSAL', 'REPORT');

-- CreateEnum
CREATE TYPE "PetitionStatus" AS ENUM ('RECEIVED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "RegulationEventKind" AS ENUM ('REVIEWED', 'AMENDED');

-- CreateEnum
CREATE TYPE "ReorganisationKind" AS ENUM ('MERGE', 'SPLIT', 'RENAME', 'TRANSFER_PART', 'DISSOLVE', 'ESTABLISH', 'RESTRUCTURE');

-- CreateEnum
CREATE TYPE "ReorganisationUnitRole" AS ENUM ('ORIGINAL', 'RESULTING');

-- CreateTable
CREATE TABLE "administrative_units" (
    "id" UUID NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "name" TEXT NOT NULL,
    "kind_label" TEXT,
    "name_search" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "administrative_units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_codes" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "unit_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_parents" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "parent_id" UUID NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "unit_parents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organizations" (
    "id" UUID NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "name_search" TEXT NOT NULL,
    "mass_organization" "MassOrganization",
    "building_id" UUID,
    "complex_id" UUID,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization_parents" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "parent_id" UUID NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "organization_parents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization_areas" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "organization_areas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people" (
    "id" UUID NOT NULL,
    "full_name" TEXT NOT NULL,
    "name_search" TEXT NOT NULL,
    "sex" "Sex" NOT NULL,
    "birth_date" DATE,
    "birth_year" INTEGER NOT NULL,
    "citizen_id" TEXT,
    "phone" TEXT,
    "residence_unit_id" UUID,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "posts" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "label" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "post_id" UUID,
    "building_id" UUID,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "party_memberships" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "status" "PartyStatus" NOT NULL,
    "home_cell_id" UUID NOT NULL,
    "admitted_on" DATE,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "party_memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "residence_contacts" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "residence_cell_id" UUID NOT NULL,
    "category" "ResidenceContactCategory" NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "residence_contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "residence_contact_reviews" (
    "id" UUID NOT NULL,
    "residence_contact_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "reviewed_on" DATE NOT NULL,
    "comment" TEXT NOT NULL,

    CONSTRAINT "residence_contact_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "apartment_buildings" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "name_search" TEXT NOT NULL,
    "address" TEXT,
    "residential_group_id" UUID NOT NULL,
    "complex_id" UUID,
    "apartment_count" INTEGER NOT NULL,
    "block_count" INTEGER NOT NULL DEFAULT 1,
    "multiple_owners" BOOLEAN NOT NULL DEFAULT true,
    "handover_started_on" DATE,
    "half_handed_over_on" DATE,
    "first_conference_on" DATE,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "apartment_buildings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "apartment_complexes" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "name_search" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "apartment_complexes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "building_blocks" (
    "id" UUID NOT NULL,
    "building_id" UUID NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "building_blocks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "apartments" (
    "id" UUID NOT NULL,
    "building_id" UUID NOT NULL,
    "block_id" UUID,
    "number" TEXT NOT NULL,
    "handed_over_on" DATE,

    CONSTRAINT "apartments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "apartment_ownerships" (
    "id" UUID NOT NULL,
    "apartment_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "kind" "OwnershipKind" NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "apartment_ownerships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "board_terms" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "term_number" INTEGER NOT NULL,
    "elected_on" DATE NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "recognition_filed_on" DATE,
    "recognition_decision_number" TEXT,
    "recognition_decided_on" DATE,
    "recognition_issuer_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "board_terms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "board_changes" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "kind" "BoardChangeKind" NOT NULL,
    "on" DATE NOT NULL,
    "decision_number" TEXT,
    "directive_id" UUID,
    "note" TEXT,

    CONSTRAINT "board_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "directives" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "issued_on" DATE NOT NULL,
    "issuer_id" UUID NOT NULL,
    "scope_unit_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "directives_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "implementation_reviews" (
    "id" UUID NOT NULL,
    "directive_id" UUID NOT NULL,
    "kind" "ReviewKind" NOT NULL,
    "held_on" DATE NOT NULL,
    "organizer_id" UUID NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "implementation_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "presentations" (
    "id" UUID NOT NULL,
    "review_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "category" "PresenterCategory" NOT NULL,
    "presenter_organization_id" UUID,
    "presenter_person_id" UUID,

    CONSTRAINT "presentations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commendations" (
    "id" UUID NOT NULL,
    "directive_id" UUID NOT NULL,
    "review_id" UUID,
    "kind" "CommendationKind" NOT NULL,
    "recipient_organization_id" UUID,
    "recipient_person_id" UUID,
    "decided_on" DATE NOT NULL,
    "decision_number" TEXT,

    CONSTRAINT "commendations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nominations" (
    "id" UUID NOT NULL,
    "nominating_organization_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "category" "NomineeCategory" NOT NULL,
    "nominated_on" DATE NOT NULL,
    "outcome" "NominationOutcome" NOT NULL,
    "directive_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "nominations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trainings" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "topics" "TrainingTopic"[],
    "held_on" DATE NOT NULL,
    "organizer_id" UUID NOT NULL,

    CONSTRAINT "trainings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_attendances" (
    "id" UUID NOT NULL,
    "training_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,

    CONSTRAINT "training_attendances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "petitions" (
    "id" UUID NOT NULL,
    "kind" "PetitionKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "received_on" DATE NOT NULL,
    "residential_group_id" UUID NOT NULL,
    "building_id" UUID,

    CONSTRAINT "petitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "petition_status_changes" (
    "id" UUID NOT NULL,
    "petition_id" UUID NOT NULL,
    "status" "PetitionStatus" NOT NULL,
    "on" DATE NOT NULL,

    CONSTRAINT "petition_status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "coordination_regulations" (
    "id" UUID NOT NULL,
    "residential_group_id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "signed_on" DATE NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "coordination_regulations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "coordination_regulation_events" (
    "id" UUID NOT NULL,
    "regulation_id" UUID NOT NULL,
    "kind" "RegulationEventKind" NOT NULL,
    "on" DATE NOT NULL,
    "note" TEXT,

    CONSTRAINT "coordination_regulation_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reorganisation_events" (
    "id" UUID NOT NULL,
    "kind" "ReorganisationKind" NOT NULL,
    "effective_on" DATE NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reorganisation_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reorganisation_units" (
    "event_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "role" "ReorganisationUnitRole" NOT NULL,

    CONSTRAINT "reorganisation_units_pkey" PRIMARY KEY ("event_id","unit_id","role")
);

-- CreateIndex
CREATE INDEX "administrative_units_kind_idx" ON "administrative_units"("kind");

-- CreateIndex
CREATE INDEX "administrative_units_name_search_idx" ON "administrative_units"("name_search");

-- CreateIndex
CREATE INDEX "unit_codes_unit_id_idx" ON "unit_codes"("unit_id");

-- CreateIndex
CREATE INDEX "unit_codes_code_idx" ON "unit_codes"("code");

-- CreateIndex
CREATE INDEX "unit_parents_unit_id_idx" ON "unit_parents"("unit_id");

-- CreateIndex
CREATE INDEX "unit_parents_parent_id_idx" ON "unit_parents"("parent_id");

-- CreateIndex
CREATE INDEX "organizations_kind_idx" ON "organizations"("kind");

-- CreateIndex
CREATE INDEX "organizations_name_search_idx" ON "organizations"("name_search");

-- CreateIndex
CREATE INDEX "organizations_building_id_idx" ON "organizations"("building_id");

-- CreateIndex
CREATE INDEX "organizations_complex_id_idx" ON "organizations"("complex_id");

-- CreateIndex
CREATE INDEX "organization_parents_organization_id_idx" ON "organization_parents"("organization_id");

-- CreateIndex
CREATE INDEX "organization_parents_parent_id_idx" ON "organization_parents"("parent_id");

-- CreateIndex
CREATE INDEX "organization_areas_organization_id_idx" ON "organization_areas"("organization_id");

-- CreateIndex
CREATE INDEX "organization_areas_unit_id_idx" ON "organization_areas"("unit_id");

-- CreateIndex
CREATE INDEX "people_name_search_idx" ON "people"("name_search");

-- CreateIndex
CREATE UNIQUE INDEX "people_citizen_id_key" ON "people"("citizen_id");

-- CreateIndex
CREATE INDEX "posts_organization_id_idx" ON "posts"("organization_id");

-- CreateIndex
CREATE INDEX "memberships_person_id_idx" ON "memberships"("person_id");

-- CreateIndex
CREATE INDEX "memberships_organization_id_idx" ON "memberships"("organization_id");

-- CreateIndex
CREATE INDEX "party_memberships_person_id_idx" ON "party_memberships"("person_id");

-- CreateIndex
CREATE INDEX "party_memberships_home_cell_id_idx" ON "party_memberships"("home_cell_id");

-- CreateIndex
CREATE INDEX "residence_contacts_person_id_idx" ON "residence_contacts"("person_id");

-- CreateIndex
CREATE INDEX "residence_contacts_residence_cell_id_idx" ON "residence_contacts"("residence_cell_id");

-- CreateIndex
CREATE UNIQUE INDEX "residence_contact_reviews_residence_contact_id_year_key" ON "residence_contact_reviews"("residence_contact_id", "year");

-- CreateIndex
CREATE INDEX "apartment_buildings_residential_group_id_idx" ON "apartment_buildings"("residential_group_id");

-- CreateIndex
CREATE INDEX "apartment_buildings_name_search_idx" ON "apartment_buildings"("name_search");

-- CreateIndex
CREATE INDEX "building_blocks_building_id_idx" ON "building_blocks"("building_id");

-- CreateIndex
CREATE UNIQUE INDEX "apartments_building_id_number_key" ON "apartments"("building_id", "number");

-- CreateIndex
CREATE INDEX "apartment_ownerships_apartment_id_idx" ON "apartment_ownerships"("apartment_id");

-- CreateIndex
CREATE INDEX "apartment_ownerships_person_id_idx" ON "apartment_ownerships"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "board_terms_board_id_term_number_key" ON "board_terms"("board_id", "term_number");

-- CreateIndex
CREATE INDEX "board_changes_board_id_idx" ON "board_changes"("board_id");

-- CreateIndex
CREATE INDEX "board_changes_on_idx" ON "board_changes"("on");

-- CreateIndex
CREATE UNIQUE INDEX "directives_code_issued_on_key" ON "directives"("code", "issued_on");

-- CreateIndex
CREATE INDEX "implementation_reviews_directive_id_idx" ON "implementation_reviews"("directive_id");

-- CreateIndex
CREATE INDEX "presentations_review_id_idx" ON "presentations"("review_id");

-- CreateIndex
CREATE INDEX "commendations_directive_id_idx" ON "commendations"("directive_id");

-- CreateIndex
CREATE INDEX "nominations_person_id_idx" ON "nominations"("person_id");

-- CreateIndex
CREATE INDEX "nominations_board_id_idx" ON "nominations"("board_id");

-- CreateIndex
CREATE INDEX "nominations_nominating_organization_id_idx" ON "nominations"("nominating_organization_id");

-- CreateIndex
CREATE INDEX "training_attendances_person_id_idx" ON "training_attendances"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "training_attendances_training_id_person_id_key" ON "training_attendances"("training_id", "person_id");

-- CreateIndex
CREATE INDEX "petitions_residential_group_id_idx" ON "petitions"("residential_group_id");

-- CreateIndex
CREATE INDEX "petitions_received_on_idx" ON "petitions"("received_on");

-- CreateIndex
CREATE INDEX "petition_status_changes_petition_id_idx" ON "petition_status_changes"("petition_id");

-- CreateIndex
CREATE INDEX "coordination_regulations_residential_group_id_idx" ON "coordination_regulations"("residential_group_id");

-- CreateIndex
CREATE INDEX "coordination_regulation_events_regulation_id_idx" ON "coordination_regulation_events"("regulation_id");

-- CreateIndex
CREATE INDEX "reorganisation_events_effective_on_idx" ON "reorganisation_events"("effective_on");

-- AddForeignKey
ALTER TABLE "unit_codes" ADD CONSTRAINT "unit_codes_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "administrative_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_parents" ADD CONSTRAINT "unit_parents_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "administrative_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_parents" ADD CONSTRAINT "unit_parents_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "administrative_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_building_id_fkey" FOREIGN KEY ("building_id") REFERENCES "apartment_buildings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_complex_id_fkey" FOREIGN KEY ("complex_id") REFERENCES "apartment_complexes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_parents" ADD CONSTRAINT "organization_parents_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_parents" ADD CONSTRAINT "organization_parents_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_areas" ADD CONSTRAINT "organization_areas_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_areas" ADD CONSTRAINT "organization_areas_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "administrative_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people" ADD CONSTRAINT "people_residence_unit_id_fkey" FOREIGN KEY ("residence_unit_id") REFERENCES "administrative_units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posts" ADD CONSTRAINT "posts_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_building_id_fkey" FOREIGN KEY ("building_id") REFERENCES "apartment_buildings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_memberships" ADD CONSTRAINT "party_memberships_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_memberships" ADD CONSTRAINT "party_memberships_home_cell_id_fkey" FOREIGN KEY ("home_cell_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "residence_contacts" ADD CONSTRAINT "residence_contacts_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "residence_contacts" ADD CONSTRAINT "residence_contacts_residence_cell_id_fkey" FOREIGN KEY ("residence_cell_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "residence_contact_reviews" ADD CONSTRAINT "residence_contact_reviews_residence_contact_id_fkey" FOREIGN KEY ("residence_contact_id") REFERENCES "residence_contacts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "apartment_buildings" ADD CONSTRAINT "apartment_buildings_residential_group_id_fkey" FOREIGN KEY ("residential_group_id") REFERENCES "administrative_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "apartment_buildings" ADD CONSTRAINT "apartment_buildings_complex_id_fkey" FOREIGN KEY ("complex_id") REFERENCES "apartment_complexes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "building_blocks" ADD CONSTRAINT "building_blocks_building_id_fkey" FOREIGN KEY ("building_id") REFERENCES "apartment_buildings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "apartments" ADD CONSTRAINT "apartments_building_id_fkey" FOREIGN KEY ("building_id") REFERENCES "apartment_buildings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "apartments" ADD CONSTRAINT "apartments_block_id_fkey" FOREIGN KEY ("block_id") REFERENCES "building_blocks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "apartment_ownerships" ADD CONSTRAINT "apartment_ownerships_apartment_id_fkey" FOREIGN KEY ("apartment_id") REFERENCES "apartments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "apartment_ownerships" ADD CONSTRAINT "apartment_ownerships_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_terms" ADD CONSTRAINT "board_terms_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_terms" ADD CONSTRAINT "board_terms_recognition_issuer_id_fkey" FOREIGN KEY ("recognition_issuer_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_changes" ADD CONSTRAINT "board_changes_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_changes" ADD CONSTRAINT "board_changes_directive_id_fkey" FOREIGN KEY ("directive_id") REFERENCES "directives"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directives" ADD CONSTRAINT "directives_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directives" ADD CONSTRAINT "directives_scope_unit_id_fkey" FOREIGN KEY ("scope_unit_id") REFERENCES "administrative_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "implementation_reviews" ADD CONSTRAINT "implementation_reviews_directive_id_fkey" FOREIGN KEY ("directive_id") REFERENCES "directives"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "implementation_reviews" ADD CONSTRAINT "implementation_reviews_organizer_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presentations" ADD CONSTRAINT "presentations_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "implementation_reviews"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presentations" ADD CONSTRAINT "presentations_presenter_organization_id_fkey" FOREIGN KEY ("presenter_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presentations" ADD CONSTRAINT "presentations_presenter_person_id_fkey" FOREIGN KEY ("presenter_person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_directive_id_fkey" FOREIGN KEY ("directive_id") REFERENCES "directives"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "implementation_reviews"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_recipient_organization_id_fkey" FOREIGN KEY ("recipient_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_recipient_person_id_fkey" FOREIGN KEY ("recipient_person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_nominating_organization_id_fkey" FOREIGN KEY ("nominating_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_directive_id_fkey" FOREIGN KEY ("directive_id") REFERENCES "directives"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_organizer_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_attendances" ADD CONSTRAINT "training_attendances_training_id_fkey" FOREIGN KEY ("training_id") REFERENCES "trainings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_attendances" ADD CONSTRAINT "training_attendances_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_residential_group_id_fkey" FOREIGN KEY ("residential_group_id") REFERENCES "administrative_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_building_id_fkey" FOREIGN KEY ("building_id") REFERENCES "apartment_buildings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "petition_status_changes" ADD CONSTRAINT "petition_status_changes_petition_id_fkey" FOREIGN KEY ("petition_id") REFERENCES "petitions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coordination_regulations" ADD CONSTRAINT "coordination_regulations_residential_group_id_fkey" FOREIGN KEY ("residential_group_id") REFERENCES "administrative_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coordination_regulations" ADD CONSTRAINT "coordination_regulations_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coordination_regulation_events" ADD CONSTRAINT "coordination_regulation_events_regulation_id_fkey" FOREIGN KEY ("regulation_id") REFERENCES "coordination_regulations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reorganisation_units" ADD CONSTRAINT "reorganisation_units_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "reorganisation_events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reorganisation_units" ADD CONSTRAINT "reorganisation_units_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "administrative_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- coso: what Prisma cannot express ───────────────────────────────────────────

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Names sort in Vietnamese order (a ă â b c d đ e ê …) wherever ORDER BY touches them.
ALTER TABLE "administrative_units" ALTER COLUMN "name" TYPE TEXT COLLATE "vi-x-icu";
ALTER TABLE "organizations" ALTER COLUMN "name" TYPE TEXT COLLATE "vi-x-icu";
ALTER TABLE "people" ALTER COLUMN "full_name" TYPE TEXT COLLATE "vi-x-icu";
ALTER TABLE "apartment_buildings" ALTER COLUMN "name" TYPE TEXT COLLATE "vi-x-icu";
ALTER TABLE "apartment_complexes" ALTER COLUMN "name" TYPE TEXT COLLATE "vi-x-icu";

-- Every period ends after it starts (valid_to is exclusive; NULL = still current).
ALTER TABLE "administrative_units" ADD CONSTRAINT "administrative_units_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "unit_codes" ADD CONSTRAINT "unit_codes_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "unit_parents" ADD CONSTRAINT "unit_parents_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "organization_parents" ADD CONSTRAINT "organization_parents_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "organization_areas" ADD CONSTRAINT "organization_areas_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "people" ADD CONSTRAINT "people_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "posts" ADD CONSTRAINT "posts_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "party_memberships" ADD CONSTRAINT "party_memberships_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "residence_contacts" ADD CONSTRAINT "residence_contacts_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "apartment_buildings" ADD CONSTRAINT "apartment_buildings_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "apartment_complexes" ADD CONSTRAINT "apartment_complexes_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "apartment_ownerships" ADD CONSTRAINT "apartment_ownerships_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "board_terms" ADD CONSTRAINT "board_terms_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "coordination_regulations" ADD CONSTRAINT "coordination_regulations_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");

-- One parent per unit at a time; one code per unit at a time; a code held by one unit at a time.
ALTER TABLE "unit_parents" ADD CONSTRAINT "unit_parents_one_at_a_time"
  EXCLUDE USING gist ("unit_id" WITH =, daterange("valid_from", "valid_to", '[)') WITH &&);
ALTER TABLE "unit_codes" ADD CONSTRAINT "unit_codes_one_per_unit_at_a_time"
  EXCLUDE USING gist ("unit_id" WITH =, daterange("valid_from", "valid_to", '[)') WITH &&);
ALTER TABLE "unit_codes" ADD CONSTRAINT "unit_codes_one_holder_at_a_time"
  EXCLUDE USING gist ("code" WITH =, daterange("valid_from", "valid_to", '[)') WITH &&);
ALTER TABLE "organization_parents" ADD CONSTRAINT "organization_parents_one_at_a_time"
  EXCLUDE USING gist ("organization_id" WITH =, daterange("valid_from", "valid_to", '[)') WITH &&);

-- No two overlapping memberships of one person in one post (same body, same role).
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_no_overlap"
  EXCLUDE USING gist ("person_id" WITH =, "organization_id" WITH =, "role" WITH =, daterange("valid_from", "valid_to", '[)') WITH &&);
-- One party-membership record (status, home cell) per person at a time.
ALTER TABLE "party_memberships" ADD CONSTRAINT "party_memberships_one_at_a_time"
  EXCLUDE USING gist ("person_id" WITH =, daterange("valid_from", "valid_to", '[)') WITH &&);

-- Identifiers and counts.
ALTER TABLE "unit_codes" ADD CONSTRAINT "unit_codes_format" CHECK ("code" ~ '^([0-9]{2}|[0-9]{3}|[0-9]{5})$');
ALTER TABLE "people" ADD CONSTRAINT "people_citizen_id_format" CHECK ("citizen_id" IS NULL OR "citizen_id" ~ '^[0-9]{12}$');
ALTER TABLE "people" ADD CONSTRAINT "people_phone_format" CHECK ("phone" IS NULL OR "phone" ~ '^0[35789][0-9]{8}$');
ALTER TABLE "people" ADD CONSTRAINT "people_birth_year" CHECK ("birth_year" BETWEEN 1880 AND 2200);
ALTER TABLE "apartment_buildings" ADD CONSTRAINT "apartment_buildings_counts" CHECK ("apartment_count" >= 0 AND "block_count" >= 1);
-- A management board manages exactly one building or one complex; other bodies manage neither.
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_board_target" CHECK (
  CASE WHEN "kind" = 'MANAGEMENT_BOARD' THEN ("building_id" IS NULL) <> ("complex_id" IS NULL)
       ELSE "building_id" IS NULL AND "complex_id" IS NULL END);
ALTER TABLE "board_terms" ADD CONSTRAINT "board_terms_number" CHECK ("term_number" >= 1);
