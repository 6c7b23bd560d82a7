"""What the person's own records say: per-stretch change with honest uncertainty, weekly trends,
and the weekly outcome measures (pain 0-10 and the Patient-Specific Functional Scale). Pure."""
