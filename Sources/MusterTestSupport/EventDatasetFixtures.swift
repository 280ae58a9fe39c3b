/// ACLED and UCDP files, handcrafted to cover every column and the older variants.
public enum EventDatasetFixtures {
  /// The current ACLED header, 31 columns.
  public static let acledHeader =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    + "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    + "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    + "notes,fatalities,tags,timestamp"

  /// Three rows of the current format: quoted commas, quotes and newlines in notes, Arabic
  /// and Turkish names, several sources, associated actors, every precision code.
  public static let acled = acledHeader + "\n" + acledRows.joined(separator: "\n") + "\n"

  /// The rows of `acled`.
  public static let acledRows = [
    "SYR100,2020-12-17,2020,1,Strategic developments,Strategic developments,Non-violent transfer of territory,"
      + "Military Forces of Syria (2000-2024) 5th Corps,Russian Military Police,State forces,"
      + "Harakat al-Nujaba,Kataib Hezbollah; Harakat al-Abdal,External/Other forces,State forces-External/Other forces,,"
      + "760,Middle East,Syria,Deir ez Zor,Abu Kamal,Abu Kamal,البوكمال,34.4536,40.9367,1,"
      + "Syrian Observatory for Human Rights; Nahar Media,National-Regional,"
      + "\"On 17 December 2020, the 5th Corps received points from \"\"Nujaba\"\", KH and al-Abdal,\nnear the border.\","
      + "0,crowd size=no report; local administrators,1609372800",
    "TUR7,16-02-2023,2023,2,Demonstrations,Protests,Peaceful protest,Protesters (Turkey),,Protesters,,,,Protesters only,"
      + "Civilian targeting,792,Middle East,Turkey,Sanliurfa,Yeniyurt,Dağören,Bulakyurt,41.1173,33.5568,2,Hurriyet Daily News,"
      + "Other,\"Şanlıurfa: people protested in Bulakyurt.\",0,,1677000000",
    "IRQ3,16 February 2023,2023,3,Political violence,Explosions/Remote violence,Air/drone strike,"
      + "Military Forces of the United States (2021-),,State forces,Kataib Hezbollah,,Political militia,,,"
      + "368,Middle East,Iraq,Anbar,Al-Qaim,,Al-Qaim,34.3,41.1,3,,,Strike on a border post.,12,,1677000001",
  ]

  /// An older export: event_id_no_cnty, data_id and iso3 columns, numeric inter codes,
  /// day-first dates, no disorder_type, civilian_targeting or tags.
  public static let acledLegacy = """
    data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3
    7001,760,SYR55,55,03-01-2018,2018,1,Battles,Armed clash,Military Forces of Syria (2000-),,1,Islamic State (Syria),,2,12,Middle East,Syria,Deir-ez-Zor,Abu Kamal,,Abu Kamal,34.4536,40.9367,1,SOHR,National,Clashes near Abu Kamal.,5,1515000000,SYR

    """

  /// A UCDP GED header.
  public static let ucdpHeader =
    "id,year,type_of_violence,conflict_name,dyad_name,side_a,side_b,source_article,source_office,"
    + "source_date,source_headline,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,"
    + "country,date_prec,date_start,date_end,best,high,low"

  /// Two UCDP rows with CRLF line ends.
  public static let ucdp =
    ucdpHeader + "\n"
    + [
      "244657,2017,1,Syria: Government,Government of Syria - IS,Government of Syria,IS,"
        + "\"AFP 2017-11-09;Reuters 2017-11-10\",AFP;Reuters,2017-11-09;2017-11-10,"
        + "\"Syrian army retakes Albu Kamal;Army enters Abu Kamal\",1,Abu Kamal town,Dayr az Zawr governorate,"
        + "Abu Kamal district,34.4536,40.9367,Syria,3,2017-11-01,2017-11-19,45,60,30",
      "300001,2020,3,IS - civilians,IS - civilians,IS,Civilians,,SOHR,2020-12-20,Attack on civilians,2,"
        + "near al-Mayadin,Dayr az Zawr governorate,,35.017,40.45,Syria,1,2020-12-20,2020-12-20,3,3,3",
    ].joined(separator: "\r\n") + "\r\n"
}
