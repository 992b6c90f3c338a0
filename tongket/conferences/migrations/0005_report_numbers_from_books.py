"""Report numbers come from the number books (units.IssuedNumber): one for the UBND's report,
one for the Đảng ủy's. Free-text numbers typed before are registered in the book when they
read as such ("15/BC-UBND", "12-BC/ĐU"); anything else stays readable as typed."""

import re

import django.db.models.deletion
from django.db import migrations, models

STATE = re.compile(r"^\s*(\d+)\s*/\s*BC\s*-\s*UBND\s*$", re.IGNORECASE)
PARTY = re.compile(r"^\s*(\d+)\s*-\s*BC\s*/\s*ĐU\s*$", re.IGNORECASE)


def register(apps, schema_editor):
    Conference = apps.get_model("conferences", "Conference")
    IssuedNumber = apps.get_model("units", "IssuedNumber")
    BodyTerm = apps.get_model("units", "BodyTerm")
    for conference in Conference.objects.exclude(report_number=""):
        for pattern, body, field in (
            (STATE, "peoples_committee", "state_number"),
            (PARTY, "party_committee", "party_number"),
        ):
            match = pattern.match(conference.report_number)
            if not match:
                continue
            period = str(conference.date.year)
            if body == "party_committee":
                term = (
                    BodyTerm.objects.filter(
                        unit_id=conference.unit_id, body=body, start_date__lte=conference.date
                    )
                    .filter(
                        models.Q(end_date__isnull=True) | models.Q(end_date__gte=conference.date)
                    )
                    .order_by("-start_date")
                    .first()
                )
                if term is not None:
                    period = f"term-{term.pk}"
            number = int(match.group(1))
            taken = IssuedNumber.objects.filter(
                unit_id=conference.unit_id, body=body, doc_type="BC", period=period, number=number
            ).exists()
            if taken:
                continue  # left as typed: the book already gave that number to another text
            issued = IssuedNumber.objects.create(
                unit_id=conference.unit_id,
                body=body,
                doc_type="BC",
                period=period,
                number=number,
                issued_on=conference.date,
                subject="Báo cáo hội nghị",
                ref=f"conferences.Conference:{conference.pk}",
            )
            setattr(conference, f"{field}_id", issued.pk)
            conference.report_number = ""
            conference.save(update_fields=[f"{field}", "report_number"])


class Migration(migrations.Migration):
    dependencies = [
        ("conferences", "0004_speeches_title_author_photo_place"),
        ("units", "0003_terms_and_number_books"),
    ]

    operations = [
        migrations.AddField(
            model_name="conference",
            name="party_number",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="units.issuednumber",
                verbose_name="số báo cáo của Đảng ủy",
            ),
        ),
        migrations.AddField(
            model_name="conference",
            name="state_number",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="units.issuednumber",
                verbose_name="số báo cáo của UBND",
            ),
        ),
        migrations.AddField(
            model_name="conference",
            name="party_signer",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="units.person",
                verbose_name="người ký báo cáo của Đảng ủy",
            ),
        ),
        migrations.AlterField(
            model_name="conference",
            name="report_number",
            field=models.CharField(
                blank=True,
                help_text="Số ghi tay trước khi có sổ văn bản; số mới lấy từ sổ của UBND, Đảng ủy.",
                max_length=40,
                verbose_name="số báo cáo cũ (nhập tay)",
            ),
        ),
        migrations.RunPython(register, migrations.RunPython.noop),
    ]
