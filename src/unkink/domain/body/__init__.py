"""The body: a pure 3D pose model, its skeleton, geometry, contact placement and joint limits."""
