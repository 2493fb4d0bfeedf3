"""Load Vietnam's administrative divisions from the vietnam-provinces package.

Current provinces and communes/wards, legacy provinces, districts and communes, and the 2025
conversion between legacy and current communes. Upserts by official code, so running it
again changes nothing (or brings in a newer package's corrections).
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from vietnam_provinces import Province as VNProvince
from vietnam_provinces import Ward as VNWard
from vietnam_provinces import _ward_conversion_2025 as conversion
from vietnam_provinces.legacy import base as legacy

from healthcentre.models import (
    Commune,
    CommuneConversion,
    LegacyCommune,
    LegacyDistrict,
    LegacyProvince,
    Province,
)

BATCH = 2000


def upsert(model, objects, fields):
    model.objects.bulk_create(
        objects, batch_size=BATCH, update_conflicts=True, unique_fields=["code"], update_fields=fields
    )


class Command(BaseCommand):
    help = "Load provinces, communes, legacy divisions and the 2025 conversion from vietnam-provinces."

    @transaction.atomic
    def handle(self, *args, **options):
        plain = ["name", "division_type"]
        upsert(
            Province,
            [
                Province(code=int(p.code), name=p.name, division_type=str(p.division_type))
                for p in VNProvince.iter_all()
            ],
            plain,
        )
        upsert(
            Commune,
            [
                Commune(
                    code=int(w.code), name=w.name, division_type=str(w.division_type), province_id=int(w.province_code)
                )
                for w in VNWard.iter_all()
            ],
            [*plain, "province"],
        )
        upsert(
            LegacyProvince,
            [
                LegacyProvince(code=int(p.code), name=p.name, division_type=str(p.division_type))
                for p in legacy.Province.iter_all()
            ],
            plain,
        )
        upsert(
            LegacyDistrict,
            [
                LegacyDistrict(
                    code=int(d.code), name=d.name, division_type=str(d.division_type), province_id=int(d.province_code)
                )
                for d in legacy.District.iter_all()
            ],
            [*plain, "province"],
        )
        upsert(
            LegacyCommune,
            [
                LegacyCommune(
                    code=int(w.code), name=w.name, division_type=str(w.division_type), district_id=int(w.district_code)
                )
                for w in legacy.Ward.iter_all()
            ],
            [*plain, "district"],
        )
        known_legacy = set(LegacyCommune.objects.values_list("code", flat=True))
        known_current = set(Commune.objects.values_list("code", flat=True))
        edges = [
            CommuneConversion(
                legacy_commune_id=entry.old_ward.code, commune_id=new.code, partly=entry.old_ward.is_partly_merged
            )
            for entry in conversion.OLD_TO_NEW.values()
            for new in entry.new_wards
            if entry.old_ward.code in known_legacy and new.code in known_current
        ]
        CommuneConversion.objects.bulk_create(
            edges,
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["legacy_commune", "commune"],
            update_fields=["partly"],
        )
        self.stdout.write(
            f"{Province.objects.count()} tỉnh, {Commune.objects.count()} xã/phường; "
            f"{LegacyProvince.objects.count()} tỉnh cũ, {LegacyDistrict.objects.count()} huyện cũ, "
            f"{LegacyCommune.objects.count()} xã cũ; {CommuneConversion.objects.count()} liên kết chuyển đổi 2025."
        )
