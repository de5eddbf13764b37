-- Steering (issue 15): the body that answers for a goal (the steering group, a working group).
-- The free-text `responsible` stays for whoever is not a body (a department, the coordination).
ALTER TABLE goal ADD COLUMN responsible_body_id INTEGER REFERENCES body(id) ON DELETE SET NULL;
