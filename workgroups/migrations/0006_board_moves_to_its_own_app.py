"""The exchange board leaves this app for its own (``board``); no table changes."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('workgroups', '0005_entry_matching_and_reminders'),
    ]

    # The board's models move to the "board" app; their tables stay where they are
    # (board.0001_initial takes them over with the same db_table), so only the state changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.RemoveField(
            model_name='cooperationentry',
            name='latest_revision',
        ),
        migrations.RemoveField(
            model_name='cooperationentry',
            name='live_revision',
        ),
        migrations.RemoveField(
            model_name='cooperationentry',
            name='locked_by',
        ),
        migrations.RemoveField(
            model_name='cooperationentry',
            name='municipality',
        ),
        migrations.RemoveField(
            model_name='cooperationentry',
            name='submitted_by',
        ),
        migrations.RemoveField(
            model_name='cooperationentry',
            name='topics',
        ),
        migrations.DeleteModel(
            name='BoardPage',
        ),
        migrations.DeleteModel(
            name='CooperationEntry',
        ),
    ],
            database_operations=[],
        ),
    ]
