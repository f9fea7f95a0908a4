"""plclassroom: offline-first personalised learning for K-12 classrooms."""

__version__ = "0.1.0"
