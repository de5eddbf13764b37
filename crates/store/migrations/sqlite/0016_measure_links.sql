-- Steering (issue 15): a measure serves several goals, works in several districts, involves
-- further organisations and offers and names the transitions it bridges.
-- The single goal_id and district_id of 0011 are copied into the link tables and cleared. They
-- stay as unused columns: SQLite drops a column with a foreign key only by rebuilding the
-- table, and decisions, proposals and cycle evidence point at measure rows.
ALTER TABLE measure ADD COLUMN transitions TEXT NOT NULL DEFAULT '';

CREATE TABLE measure_goal (
    measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
    goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    PRIMARY KEY (measure_id, goal_id)
);
CREATE INDEX measure_goal_goal ON measure_goal (goal_id);

CREATE TABLE measure_district (
    measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
    district_id INTEGER NOT NULL REFERENCES district(id) ON DELETE CASCADE,
    PRIMARY KEY (measure_id, district_id)
);

CREATE TABLE measure_offer (
    measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
    offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
    PRIMARY KEY (measure_id, offer_id)
);
CREATE INDEX measure_offer_offer ON measure_offer (offer_id);

CREATE TABLE measure_organisation (
    measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    PRIMARY KEY (measure_id, organisation_id)
);

INSERT INTO measure_goal (measure_id, goal_id) SELECT id, goal_id FROM measure WHERE goal_id IS NOT NULL;
INSERT INTO measure_district (measure_id, district_id) SELECT id, district_id FROM measure WHERE district_id IS NOT NULL;
UPDATE measure SET goal_id = NULL, district_id = NULL;
