-- The shapes generate_data has to get right, one table each.
CREATE SCHEMA app;

CREATE FUNCTION app.is_even(i integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT i % 2 = 0';

CREATE TYPE app.plan AS ENUM ('free', 'pro', 'team');
CREATE DOMAIN app.percent AS numeric(5,2) CHECK (VALUE >= 0 AND VALUE <= 100);

-- Serial key, a unique expression index, and CHECKs of every common shape, one calling a user function.
CREATE TABLE app.account (
    id serial PRIMARY KEY,
    email text NOT NULL,
    name varchar(40) NOT NULL,
    age integer CHECK (age BETWEEN 18 AND 99),
    lucky integer NOT NULL CHECK (app.is_even(lucky)),
    starts date NOT NULL,
    ends date,
    code char(6) CHECK (code ~ '^[A-Z]{3}[0-9]{3}$'),
    kind text NOT NULL CHECK (kind IN ('a', 'b', 'c')),
    plan app.plan NOT NULL DEFAULT 'free',
    discount app.percent,
    balance numeric(10,2) NOT NULL CHECK (balance >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends >= starts)
);
CREATE UNIQUE INDEX account_email_lower_key ON app.account (lower(email));

-- One row per account: a unique foreign key.
CREATE TABLE app.profile (
    account_id integer PRIMARY KEY REFERENCES app.account (id),
    bio text
);

-- A tree: the key is not a sequence, so GenDB makes it; parents are earlier rows.
CREATE TABLE app.node (
    id bigint PRIMARY KEY,
    parent_id bigint REFERENCES app.node (id),
    label text NOT NULL
);

-- A composite key made of a foreign key and a number.
CREATE TABLE app.tag (
    account_id integer NOT NULL REFERENCES app.account (id),
    n smallint NOT NULL,
    PRIMARY KEY (account_id, n)
);

-- A composite foreign key.
CREATE TABLE app.line (
    order_no integer NOT NULL,
    line_no integer NOT NULL,
    amount numeric(8,2) NOT NULL,
    PRIMARY KEY (order_no, line_no)
);
CREATE TABLE app.line_note (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_no integer NOT NULL,
    line_no integer NOT NULL,
    note text NOT NULL,
    FOREIGN KEY (order_no, line_no) REFERENCES app.line (order_no, line_no)
);

-- A two-table cycle where neither key is nullable: store needs a manager, staff a store.
CREATE TABLE app.store (store_id serial PRIMARY KEY, manager_id integer NOT NULL UNIQUE);
CREATE TABLE app.staff (staff_id serial PRIMARY KEY, store_id integer NOT NULL REFERENCES app.store (store_id), name text NOT NULL);
ALTER TABLE app.store ADD FOREIGN KEY (manager_id) REFERENCES app.staff (staff_id);
