"""Reminder emails about action plans and audits, sent by `flask reminders send`."""
