graph [
  node [
    id 0
    label "AFG"
  ]
  node [
    id 1
    label "IRN"
  ]
  node [
    id 2
    label "IRQ"
  ]
  node [
    id 3
    label "PAK"
  ]
  node [
    id 4
    label "RUS"
  ]
  node [
    id 5
    label "TUR"
  ]
  node [
    id 6
    label "ALB"
  ]
  node [
    id 7
    label "GBR"
  ]
  node [
    id 8
    label "GRC"
  ]
  node [
    id 9
    label "YUG"
  ]
  node [
    id 10
    label "ARG"
  ]
  node [
    id 11
    label "BOL"
  ]
  node [
    id 12
    label "BRA"
  ]
  node [
    id 13
    label "CHL"
  ]
  node [
    id 14
    label "COL"
  ]
  node [
    id 15
    label "COS"
  ]
  node [
    id 16
    label "CUB"
  ]
  node [
    id 17
    label "DOM"
  ]
  node [
    id 18
    label "ECU"
  ]
  node [
    id 19
    label "ELS"
  ]
  node [
    id 20
    label "GUA"
  ]
  node [
    id 21
    label "HAI"
  ]
  node [
    id 22
    label "HON"
  ]
  node [
    id 23
    label "MEX"
  ]
  node [
    id 24
    label "NIC"
  ]
  node [
    id 25
    label "NOR"
  ]
  node [
    id 26
    label "PAN"
  ]
  node [
    id 27
    label "PAR"
  ]
  node [
    id 28
    label "PER"
  ]
  node [
    id 29
    label "URU"
  ]
  node [
    id 30
    label "USA"
  ]
  node [
    id 31
    label "VZA"
  ]
  node [
    id 32
    label "AUS"
  ]
  node [
    id 33
    label "NZD"
  ]
  node [
    id 34
    label "BEL"
  ]
  node [
    id 35
    label "CAN"
  ]
  node [
    id 36
    label "DEN"
  ]
  node [
    id 37
    label "FRA"
  ]
  node [
    id 38
    label "ICE"
  ]
  node [
    id 39
    label "ITA"
  ]
  node [
    id 40
    label "LUX"
  ]
  node [
    id 41
    label "NDL"
  ]
  node [
    id 42
    label "PRG"
  ]
  node [
    id 43
    label "BUL"
  ]
  node [
    id 44
    label "CZE"
  ]
  node [
    id 45
    label "HUN"
  ]
  node [
    id 46
    label "POL"
  ]
  node [
    id 47
    label "ROM"
  ]
  node [
    id 48
    label "CHN"
  ]
  node [
    id 49
    label "MON"
  ]
  node [
    id 50
    label "TWN"
  ]
  node [
    id 51
    label "EGY"
  ]
  node [
    id 52
    label "ISR"
  ]
  node [
    id 53
    label "JOR"
  ]
  node [
    id 54
    label "LEB"
  ]
  node [
    id 55
    label "SAU"
  ]
  node [
    id 56
    label "YAR"
  ]
  node [
    id 57
    label "ESP"
  ]
  node [
    id 58
    label "FIN"
  ]
  node [
    id 59
    label "THA"
  ]
  node [
    id 60
    label "IND"
  ]
  node [
    id 61
    label "SYR"
  ]
  node [
    id 62
    label "KOR"
  ]
  node [
    id 63
    label "NKR"
  ]
  edge [
    source 0
    target 1
    weight 1
  ]
  edge [
    source 0
    target 2
    weight 1
  ]
  edge [
    source 0
    target 3
    weight -1
  ]
  edge [
    source 0
    target 4
    weight 1
  ]
  edge [
    source 0
    target 5
    weight 1
  ]
  edge [
    source 1
    target 7
    weight -1
  ]
  edge [
    source 1
    target 2
    weight 1
  ]
  edge [
    source 1
    target 4
    weight -1
  ]
  edge [
    source 1
    target 5
    weight 1
  ]
  edge [
    source 2
    target 51
    weight 1
  ]
  edge [
    source 2
    target 7
    weight 1
  ]
  edge [
    source 2
    target 52
    weight -1
  ]
  edge [
    source 2
    target 53
    weight -1
  ]
  edge [
    source 2
    target 54
    weight 1
  ]
  edge [
    source 2
    target 55
    weight 1
  ]
  edge [
    source 2
    target 5
    weight 1
  ]
  edge [
    source 2
    target 56
    weight 1
  ]
  edge [
    source 3
    target 60
    weight -1
  ]
  edge [
    source 4
    target 43
    weight 1
  ]
  edge [
    source 4
    target 48
    weight -1
  ]
  edge [
    source 4
    target 44
    weight 1
  ]
  edge [
    source 4
    target 58
    weight 1
  ]
  edge [
    source 4
    target 37
    weight -1
  ]
  edge [
    source 4
    target 7
    weight -1
  ]
  edge [
    source 4
    target 45
    weight 1
  ]
  edge [
    source 4
    target 38
    weight -1
  ]
  edge [
    source 4
    target 49
    weight 1
  ]
  edge [
    source 4
    target 46
    weight 1
  ]
  edge [
    source 4
    target 47
    weight 1
  ]
  edge [
    source 4
    target 5
    weight -1
  ]
  edge [
    source 4
    target 50
    weight -1
  ]
  edge [
    source 4
    target 30
    weight -1
  ]
  edge [
    source 4
    target 9
    weight -1
  ]
  edge [
    source 6
    target 7
    weight -1
  ]
  edge [
    source 6
    target 8
    weight -1
  ]
  edge [
    source 6
    target 9
    weight -1
  ]
  edge [
    source 7
    target 10
    weight -1
  ]
  edge [
    source 7
    target 34
    weight 1
  ]
  edge [
    source 7
    target 35
    weight 1
  ]
  edge [
    source 7
    target 13
    weight -1
  ]
  edge [
    source 7
    target 36
    weight 1
  ]
  edge [
    source 7
    target 51
    weight 1
  ]
  edge [
    source 7
    target 37
    weight 1
  ]
  edge [
    source 7
    target 38
    weight 1
  ]
  edge [
    source 7
    target 52
    weight -1
  ]
  edge [
    source 7
    target 39
    weight 1
  ]
  edge [
    source 7
    target 53
    weight 1
  ]
  edge [
    source 7
    target 40
    weight 1
  ]
  edge [
    source 7
    target 41
    weight 1
  ]
  edge [
    source 7
    target 25
    weight 1
  ]
  edge [
    source 7
    target 42
    weight 1
  ]
  edge [
    source 7
    target 50
    weight -1
  ]
  edge [
    source 7
    target 30
    weight 1
  ]
  edge [
    source 7
    target 56
    weight -1
  ]
  edge [
    source 7
    target 9
    weight -1
  ]
  edge [
    source 9
    target 43
    weight 1
  ]
  edge [
    source 9
    target 44
    weight 1
  ]
  edge [
    source 9
    target 45
    weight -1
  ]
  edge [
    source 9
    target 46
    weight 1
  ]
  edge [
    source 9
    target 47
    weight 1
  ]
  edge [
    source 9
    target 30
    weight -1
  ]
  edge [
    source 10
    target 11
    weight 1
  ]
  edge [
    source 10
    target 12
    weight 1
  ]
  edge [
    source 10
    target 13
    weight 1
  ]
  edge [
    source 10
    target 14
    weight 1
  ]
  edge [
    source 10
    target 15
    weight 1
  ]
  edge [
    source 10
    target 16
    weight 1
  ]
  edge [
    source 10
    target 17
    weight 1
  ]
  edge [
    source 10
    target 18
    weight 1
  ]
  edge [
    source 10
    target 19
    weight 1
  ]
  edge [
    source 10
    target 20
    weight 1
  ]
  edge [
    source 10
    target 21
    weight 1
  ]
  edge [
    source 10
    target 22
    weight 1
  ]
  edge [
    source 10
    target 23
    weight 1
  ]
  edge [
    source 10
    target 24
    weight 1
  ]
  edge [
    source 10
    target 25
    weight -1
  ]
  edge [
    source 10
    target 26
    weight 1
  ]
  edge [
    source 10
    target 27
    weight 1
  ]
  edge [
    source 10
    target 28
    weight 1
  ]
  edge [
    source 10
    target 29
    weight 1
  ]
  edge [
    source 10
    target 30
    weight 1
  ]
  edge [
    source 10
    target 31
    weight 1
  ]
  edge [
    source 11
    target 12
    weight 1
  ]
  edge [
    source 11
    target 13
    weight 1
  ]
  edge [
    source 11
    target 14
    weight 1
  ]
  edge [
    source 11
    target 15
    weight 1
  ]
  edge [
    source 11
    target 16
    weight 1
  ]
  edge [
    source 11
    target 17
    weight 1
  ]
  edge [
    source 11
    target 18
    weight 1
  ]
  edge [
    source 11
    target 19
    weight 1
  ]
  edge [
    source 11
    target 20
    weight 1
  ]
  edge [
    source 11
    target 21
    weight 1
  ]
  edge [
    source 11
    target 22
    weight 1
  ]
  edge [
    source 11
    target 23
    weight 1
  ]
  edge [
    source 11
    target 24
    weight 1
  ]
  edge [
    source 11
    target 26
    weight 1
  ]
  edge [
    source 11
    target 27
    weight 1
  ]
  edge [
    source 11
    target 28
    weight 1
  ]
  edge [
    source 11
    target 29
    weight 1
  ]
  edge [
    source 11
    target 30
    weight 1
  ]
  edge [
    source 11
    target 31
    weight 1
  ]
  edge [
    source 12
    target 13
    weight 1
  ]
  edge [
    source 12
    target 14
    weight 1
  ]
  edge [
    source 12
    target 15
    weight 1
  ]
  edge [
    source 12
    target 16
    weight 1
  ]
  edge [
    source 12
    target 17
    weight 1
  ]
  edge [
    source 12
    target 18
    weight 1
  ]
  edge [
    source 12
    target 19
    weight 1
  ]
  edge [
    source 12
    target 20
    weight 1
  ]
  edge [
    source 12
    target 21
    weight 1
  ]
  edge [
    source 12
    target 22
    weight 1
  ]
  edge [
    source 12
    target 23
    weight 1
  ]
  edge [
    source 12
    target 24
    weight 1
  ]
  edge [
    source 12
    target 26
    weight 1
  ]
  edge [
    source 12
    target 27
    weight 1
  ]
  edge [
    source 12
    target 28
    weight 1
  ]
  edge [
    source 12
    target 29
    weight 1
  ]
  edge [
    source 12
    target 30
    weight 1
  ]
  edge [
    source 12
    target 31
    weight 1
  ]
  edge [
    source 13
    target 14
    weight 1
  ]
  edge [
    source 13
    target 15
    weight 1
  ]
  edge [
    source 13
    target 16
    weight 1
  ]
  edge [
    source 13
    target 17
    weight 1
  ]
  edge [
    source 13
    target 18
    weight 1
  ]
  edge [
    source 13
    target 19
    weight 1
  ]
  edge [
    source 13
    target 20
    weight 1
  ]
  edge [
    source 13
    target 21
    weight 1
  ]
  edge [
    source 13
    target 22
    weight 1
  ]
  edge [
    source 13
    target 23
    weight 1
  ]
  edge [
    source 13
    target 24
    weight 1
  ]
  edge [
    source 13
    target 26
    weight 1
  ]
  edge [
    source 13
    target 27
    weight 1
  ]
  edge [
    source 13
    target 28
    weight 1
  ]
  edge [
    source 13
    target 29
    weight 1
  ]
  edge [
    source 13
    target 30
    weight 1
  ]
  edge [
    source 13
    target 31
    weight 1
  ]
  edge [
    source 14
    target 15
    weight 1
  ]
  edge [
    source 14
    target 16
    weight 1
  ]
  edge [
    source 14
    target 17
    weight 1
  ]
  edge [
    source 14
    target 18
    weight 1
  ]
  edge [
    source 14
    target 19
    weight 1
  ]
  edge [
    source 14
    target 20
    weight 1
  ]
  edge [
    source 14
    target 21
    weight 1
  ]
  edge [
    source 14
    target 22
    weight 1
  ]
  edge [
    source 14
    target 23
    weight 1
  ]
  edge [
    source 14
    target 24
    weight 1
  ]
  edge [
    source 14
    target 26
    weight 1
  ]
  edge [
    source 14
    target 27
    weight 1
  ]
  edge [
    source 14
    target 28
    weight 1
  ]
  edge [
    source 14
    target 29
    weight 1
  ]
  edge [
    source 14
    target 30
    weight 1
  ]
  edge [
    source 14
    target 31
    weight 1
  ]
  edge [
    source 15
    target 16
    weight 1
  ]
  edge [
    source 15
    target 17
    weight 1
  ]
  edge [
    source 15
    target 18
    weight 1
  ]
  edge [
    source 15
    target 19
    weight 1
  ]
  edge [
    source 15
    target 20
    weight 1
  ]
  edge [
    source 15
    target 21
    weight 1
  ]
  edge [
    source 15
    target 22
    weight 1
  ]
  edge [
    source 15
    target 23
    weight 1
  ]
  edge [
    source 15
    target 24
    weight -1
  ]
  edge [
    source 15
    target 26
    weight 1
  ]
  edge [
    source 15
    target 27
    weight 1
  ]
  edge [
    source 15
    target 28
    weight 1
  ]
  edge [
    source 15
    target 29
    weight 1
  ]
  edge [
    source 15
    target 30
    weight 1
  ]
  edge [
    source 15
    target 31
    weight 1
  ]
  edge [
    source 16
    target 17
    weight 1
  ]
  edge [
    source 16
    target 18
    weight 1
  ]
  edge [
    source 16
    target 19
    weight 1
  ]
  edge [
    source 16
    target 20
    weight 1
  ]
  edge [
    source 16
    target 21
    weight 1
  ]
  edge [
    source 16
    target 22
    weight 1
  ]
  edge [
    source 16
    target 23
    weight 1
  ]
  edge [
    source 16
    target 24
    weight 1
  ]
  edge [
    source 16
    target 26
    weight 1
  ]
  edge [
    source 16
    target 27
    weight 1
  ]
  edge [
    source 16
    target 28
    weight 1
  ]
  edge [
    source 16
    target 29
    weight 1
  ]
  edge [
    source 16
    target 30
    weight 1
  ]
  edge [
    source 16
    target 31
    weight 1
  ]
  edge [
    source 17
    target 18
    weight 1
  ]
  edge [
    source 17
    target 19
    weight 1
  ]
  edge [
    source 17
    target 20
    weight 1
  ]
  edge [
    source 17
    target 21
    weight -1
  ]
  edge [
    source 17
    target 22
    weight 1
  ]
  edge [
    source 17
    target 23
    weight 1
  ]
  edge [
    source 17
    target 24
    weight 1
  ]
  edge [
    source 17
    target 26
    weight 1
  ]
  edge [
    source 17
    target 27
    weight 1
  ]
  edge [
    source 17
    target 28
    weight 1
  ]
  edge [
    source 17
    target 29
    weight 1
  ]
  edge [
    source 17
    target 30
    weight 1
  ]
  edge [
    source 17
    target 31
    weight 1
  ]
  edge [
    source 18
    target 19
    weight 1
  ]
  edge [
    source 18
    target 20
    weight 1
  ]
  edge [
    source 18
    target 21
    weight 1
  ]
  edge [
    source 18
    target 22
    weight 1
  ]
  edge [
    source 18
    target 23
    weight 1
  ]
  edge [
    source 18
    target 24
    weight 1
  ]
  edge [
    source 18
    target 26
    weight 1
  ]
  edge [
    source 18
    target 27
    weight 1
  ]
  edge [
    source 18
    target 28
    weight 1
  ]
  edge [
    source 18
    target 29
    weight 1
  ]
  edge [
    source 18
    target 30
    weight 1
  ]
  edge [
    source 18
    target 31
    weight 1
  ]
  edge [
    source 19
    target 20
    weight 1
  ]
  edge [
    source 19
    target 21
    weight 1
  ]
  edge [
    source 19
    target 22
    weight 1
  ]
  edge [
    source 19
    target 23
    weight 1
  ]
  edge [
    source 19
    target 24
    weight 1
  ]
  edge [
    source 19
    target 26
    weight 1
  ]
  edge [
    source 19
    target 27
    weight 1
  ]
  edge [
    source 19
    target 28
    weight 1
  ]
  edge [
    source 19
    target 29
    weight 1
  ]
  edge [
    source 19
    target 30
    weight 1
  ]
  edge [
    source 19
    target 31
    weight 1
  ]
  edge [
    source 20
    target 21
    weight 1
  ]
  edge [
    source 20
    target 22
    weight 1
  ]
  edge [
    source 20
    target 23
    weight 1
  ]
  edge [
    source 20
    target 24
    weight 1
  ]
  edge [
    source 20
    target 26
    weight 1
  ]
  edge [
    source 20
    target 27
    weight 1
  ]
  edge [
    source 20
    target 28
    weight 1
  ]
  edge [
    source 20
    target 29
    weight 1
  ]
  edge [
    source 20
    target 30
    weight 1
  ]
  edge [
    source 20
    target 31
    weight 1
  ]
  edge [
    source 21
    target 22
    weight 1
  ]
  edge [
    source 21
    target 23
    weight 1
  ]
  edge [
    source 21
    target 24
    weight 1
  ]
  edge [
    source 21
    target 26
    weight 1
  ]
  edge [
    source 21
    target 27
    weight 1
  ]
  edge [
    source 21
    target 28
    weight 1
  ]
  edge [
    source 21
    target 29
    weight 1
  ]
  edge [
    source 21
    target 30
    weight 1
  ]
  edge [
    source 21
    target 31
    weight 1
  ]
  edge [
    source 22
    target 23
    weight 1
  ]
  edge [
    source 22
    target 24
    weight 1
  ]
  edge [
    source 22
    target 26
    weight 1
  ]
  edge [
    source 22
    target 27
    weight 1
  ]
  edge [
    source 22
    target 28
    weight 1
  ]
  edge [
    source 22
    target 29
    weight 1
  ]
  edge [
    source 22
    target 30
    weight 1
  ]
  edge [
    source 22
    target 31
    weight 1
  ]
  edge [
    source 23
    target 24
    weight 1
  ]
  edge [
    source 23
    target 26
    weight 1
  ]
  edge [
    source 23
    target 27
    weight 1
  ]
  edge [
    source 23
    target 28
    weight 1
  ]
  edge [
    source 23
    target 29
    weight 1
  ]
  edge [
    source 23
    target 30
    weight 1
  ]
  edge [
    source 23
    target 31
    weight 1
  ]
  edge [
    source 24
    target 26
    weight 1
  ]
  edge [
    source 24
    target 27
    weight 1
  ]
  edge [
    source 24
    target 28
    weight 1
  ]
  edge [
    source 24
    target 29
    weight 1
  ]
  edge [
    source 24
    target 30
    weight 1
  ]
  edge [
    source 24
    target 31
    weight 1
  ]
  edge [
    source 25
    target 34
    weight 1
  ]
  edge [
    source 25
    target 35
    weight 1
  ]
  edge [
    source 25
    target 36
    weight 1
  ]
  edge [
    source 25
    target 37
    weight 1
  ]
  edge [
    source 25
    target 38
    weight 1
  ]
  edge [
    source 25
    target 39
    weight 1
  ]
  edge [
    source 25
    target 40
    weight 1
  ]
  edge [
    source 25
    target 41
    weight 1
  ]
  edge [
    source 25
    target 42
    weight 1
  ]
  edge [
    source 25
    target 30
    weight 1
  ]
  edge [
    source 26
    target 27
    weight 1
  ]
  edge [
    source 26
    target 28
    weight 1
  ]
  edge [
    source 26
    target 29
    weight 1
  ]
  edge [
    source 26
    target 30
    weight 1
  ]
  edge [
    source 26
    target 31
    weight 1
  ]
  edge [
    source 27
    target 28
    weight 1
  ]
  edge [
    source 27
    target 29
    weight 1
  ]
  edge [
    source 27
    target 30
    weight 1
  ]
  edge [
    source 27
    target 31
    weight 1
  ]
  edge [
    source 28
    target 29
    weight 1
  ]
  edge [
    source 28
    target 30
    weight 1
  ]
  edge [
    source 28
    target 31
    weight 1
  ]
  edge [
    source 29
    target 30
    weight 1
  ]
  edge [
    source 29
    target 31
    weight 1
  ]
  edge [
    source 30
    target 34
    weight 1
  ]
  edge [
    source 30
    target 35
    weight 1
  ]
  edge [
    source 30
    target 48
    weight -1
  ]
  edge [
    source 30
    target 36
    weight 1
  ]
  edge [
    source 30
    target 37
    weight 1
  ]
  edge [
    source 30
    target 38
    weight 1
  ]
  edge [
    source 30
    target 39
    weight 1
  ]
  edge [
    source 30
    target 40
    weight 1
  ]
  edge [
    source 30
    target 41
    weight 1
  ]
  edge [
    source 30
    target 42
    weight 1
  ]
  edge [
    source 30
    target 50
    weight -1
  ]
  edge [
    source 30
    target 31
    weight 1
  ]
  edge [
    source 32
    target 33
    weight 1
  ]
  edge [
    source 34
    target 35
    weight 1
  ]
  edge [
    source 34
    target 36
    weight 1
  ]
  edge [
    source 34
    target 37
    weight 1
  ]
  edge [
    source 34
    target 38
    weight 1
  ]
  edge [
    source 34
    target 39
    weight 1
  ]
  edge [
    source 34
    target 40
    weight 1
  ]
  edge [
    source 34
    target 41
    weight 1
  ]
  edge [
    source 34
    target 42
    weight 1
  ]
  edge [
    source 35
    target 36
    weight 1
  ]
  edge [
    source 35
    target 37
    weight 1
  ]
  edge [
    source 35
    target 38
    weight 1
  ]
  edge [
    source 35
    target 39
    weight 1
  ]
  edge [
    source 35
    target 40
    weight 1
  ]
  edge [
    source 35
    target 41
    weight 1
  ]
  edge [
    source 35
    target 42
    weight 1
  ]
  edge [
    source 36
    target 37
    weight 1
  ]
  edge [
    source 36
    target 38
    weight 1
  ]
  edge [
    source 36
    target 39
    weight 1
  ]
  edge [
    source 36
    target 40
    weight 1
  ]
  edge [
    source 36
    target 41
    weight 1
  ]
  edge [
    source 36
    target 42
    weight 1
  ]
  edge [
    source 37
    target 48
    weight -1
  ]
  edge [
    source 37
    target 38
    weight 1
  ]
  edge [
    source 37
    target 39
    weight 1
  ]
  edge [
    source 37
    target 40
    weight 1
  ]
  edge [
    source 37
    target 41
    weight 1
  ]
  edge [
    source 37
    target 42
    weight 1
  ]
  edge [
    source 37
    target 59
    weight -1
  ]
  edge [
    source 38
    target 39
    weight 1
  ]
  edge [
    source 38
    target 40
    weight 1
  ]
  edge [
    source 38
    target 41
    weight 1
  ]
  edge [
    source 38
    target 42
    weight 1
  ]
  edge [
    source 39
    target 40
    weight 1
  ]
  edge [
    source 39
    target 41
    weight 1
  ]
  edge [
    source 39
    target 42
    weight 1
  ]
  edge [
    source 40
    target 41
    weight 1
  ]
  edge [
    source 40
    target 42
    weight 1
  ]
  edge [
    source 41
    target 42
    weight 1
  ]
  edge [
    source 42
    target 57
    weight 1
  ]
  edge [
    source 43
    target 44
    weight 1
  ]
  edge [
    source 43
    target 45
    weight 1
  ]
  edge [
    source 43
    target 46
    weight 1
  ]
  edge [
    source 43
    target 47
    weight 1
  ]
  edge [
    source 44
    target 45
    weight 1
  ]
  edge [
    source 44
    target 46
    weight 1
  ]
  edge [
    source 44
    target 47
    weight 1
  ]
  edge [
    source 45
    target 46
    weight 1
  ]
  edge [
    source 45
    target 47
    weight 1
  ]
  edge [
    source 46
    target 47
    weight 1
  ]
  edge [
    source 48
    target 49
    weight -1
  ]
  edge [
    source 48
    target 50
    weight -1
  ]
  edge [
    source 51
    target 52
    weight -1
  ]
  edge [
    source 51
    target 53
    weight -1
  ]
  edge [
    source 51
    target 54
    weight 1
  ]
  edge [
    source 51
    target 55
    weight 1
  ]
  edge [
    source 51
    target 56
    weight 1
  ]
  edge [
    source 52
    target 53
    weight -1
  ]
  edge [
    source 52
    target 54
    weight -1
  ]
  edge [
    source 52
    target 61
    weight -1
  ]
  edge [
    source 53
    target 54
    weight 1
  ]
  edge [
    source 53
    target 55
    weight 1
  ]
  edge [
    source 53
    target 61
    weight -1
  ]
  edge [
    source 53
    target 56
    weight 1
  ]
  edge [
    source 54
    target 55
    weight 1
  ]
  edge [
    source 54
    target 61
    weight -1
  ]
  edge [
    source 54
    target 56
    weight 1
  ]
  edge [
    source 55
    target 56
    weight 1
  ]
  edge [
    source 62
    target 63
    weight -1
  ]
]
