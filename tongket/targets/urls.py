from django.urls import path

from . import views

app_name = "targets"

urlpatterns = [
    path("", views.index, name="index"),
    path("don-vi/<int:pk>/", views.unit_dashboard, name="unit"),
    path("don-vi/<int:pk>/nhap/", views.entry_grid, name="grid"),
    path("don-vi/<int:pk>/nhap/o/", views.cell_save, name="cell"),
    path("don-vi/<int:pk>/gui/", views.submit, name="submit"),
    path("bao-cao/<int:pk>/duyet/", views.approve, name="approve"),
    path("bao-cao/<int:pk>/tra-lai/", views.send_back, name="return"),
    path("bao-cao/<int:pk>/mo-lai/", views.reopen, name="reopen"),
    path("tinh/<int:pk>/", views.province_dashboard, name="province"),
    path("tinh/<int:pk>/giao-ke-hoach/", views.assign, name="assign"),
    path("tinh/<int:pk>/giao-ke-hoach/xlsx/", views.assign_xlsx, name="assign_xlsx"),
    path("trang-thai/<int:pk>/", views.board, name="board"),
    path("nhap-ket-qua/<int:pk>/", views.results_import, name="results_import"),
    path("nhap-ket-qua/<int:pk>/mau.xlsx", views.results_template, name="results_template"),
    path("tong-hop/", views.rollup, name="rollup"),
    path("danh-muc/", views.catalogue, name="catalogue"),
    path("danh-muc/them/", views.indicator_create, name="indicator_create"),
    path("danh-muc/<int:pk>/sua/", views.indicator_edit, name="indicator_edit"),
]
