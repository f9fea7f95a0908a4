"""In-app help for each screen, and the About box with the licences of the bundled libraries."""
