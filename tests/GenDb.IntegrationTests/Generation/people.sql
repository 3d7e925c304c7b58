-- A small HR and shop schema whose column names carry meaning: the believable-data tests read
-- generated rows back and check that each row's person, place and timeline agree.
CREATE SCHEMA hr;

CREATE TABLE hr.departments (
    department_id serial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
);

CREATE TABLE hr.employees (
    employee_id serial PRIMARY KEY,
    department_id integer NOT NULL REFERENCES hr.departments,
    first_name varchar(50) NOT NULL,
    last_name varchar(50) NOT NULL,
    email varchar(120) NOT NULL UNIQUE,
    username varchar(40),
    phone varchar(30),
    birth_date date NOT NULL,
    hire_date date NOT NULL,
    job_title text,
    salary numeric(10, 2) CHECK (salary > 0),
    street_address text,
    city text,
    state text,
    postal_code varchar(12),
    country text,
    country_code char(2) CHECK (country_code = upper(country_code)),
    created_at timestamptz NOT NULL,
    updated_at timestamptz,
    deleted_at timestamptz,
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_leave', 'terminated')),
    notes text,
    ip_address inet
);

CREATE TABLE hr.projects (
    project_id serial PRIMARY KEY,
    name text NOT NULL,
    starts_on date NOT NULL,
    ends_on date,
    CHECK (ends_on >= starts_on)
);

CREATE TABLE public.customers (
    id serial PRIMARY KEY,
    name text NOT NULL,
    email text,
    signed_up_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.orders (
    id serial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES public.customers,
    ordered_at timestamptz NOT NULL,
    total numeric(12, 2) NOT NULL CHECK (total >= 0),
    status text NOT NULL,
    code text,
    legacy_flag text DEFAULT 'n/a',
    priority integer
);

CREATE TABLE public.events (
    id bigint NOT NULL,
    occurred_on date NOT NULL,
    title text
) PARTITION BY RANGE (occurred_on);

CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- A child whose timeline is in timestamp (without time zone) under a timestamptz parent.
CREATE TABLE public.order_notes (
    id serial PRIMARY KEY,
    order_id integer NOT NULL REFERENCES public.orders,
    created_at timestamp NOT NULL,
    body text
);
