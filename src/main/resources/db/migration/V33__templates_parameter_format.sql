-- How a template's placeholders are written and filled: POSITIONAL ({{1}}) or NAMED ({{first_name}}).
-- Every template before this change was positional.
ALTER TABLE templates_template ADD COLUMN parameter_format TEXT NOT NULL DEFAULT 'POSITIONAL';
