"""Privacy in the window: a family's requests about a student (export everything, delete from
this laptop) and the screen lock with its app PIN."""
