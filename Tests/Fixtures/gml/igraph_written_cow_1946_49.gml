Creator "igraph (python-igraph)"
Version 1
graph
[
  directed 0
  node
  [
    id 0
    name "AFG"
  ]
  node
  [
    id 1
    name "IRN"
  ]
  node
  [
    id 2
    name "IRQ"
  ]
  node
  [
    id 3
    name "PAK"
  ]
  node
  [
    id 4
    name "RUS"
  ]
  node
  [
    id 5
    name "TUR"
  ]
  node
  [
    id 6
    name "ALB"
  ]
  node
  [
    id 7
    name "GBR"
  ]
  node
  [
    id 8
    name "GRC"
  ]
  node
  [
    id 9
    name "YUG"
  ]
  node
  [
    id 10
    name "ARG"
  ]
  node
  [
    id 11
    name "BOL"
  ]
  node
  [
    id 12
    name "BRA"
  ]
  node
  [
    id 13
    name "CHL"
  ]
  node
  [
    id 14
    name "COL"
  ]
  node
  [
    id 15
    name "COS"
  ]
  node
  [
    id 16
    name "CUB"
  ]
  node
  [
    id 17
    name "DOM"
  ]
  node
  [
    id 18
    name "ECU"
  ]
  node
  [
    id 19
    name "ELS"
  ]
  node
  [
    id 20
    name "GUA"
  ]
  node
  [
    id 21
    name "HAI"
  ]
  node
  [
    id 22
    name "HON"
  ]
  node
  [
    id 23
    name "MEX"
  ]
  node
  [
    id 24
    name "NIC"
  ]
  node
  [
    id 25
    name "NOR"
  ]
  node
  [
    id 26
    name "PAN"
  ]
  node
  [
    id 27
    name "PAR"
  ]
  node
  [
    id 28
    name "PER"
  ]
  node
  [
    id 29
    name "URU"
  ]
  node
  [
    id 30
    name "USA"
  ]
  node
  [
    id 31
    name "VZA"
  ]
  node
  [
    id 32
    name "AUS"
  ]
  node
  [
    id 33
    name "NZD"
  ]
  node
  [
    id 34
    name "BEL"
  ]
  node
  [
    id 35
    name "CAN"
  ]
  node
  [
    id 36
    name "DEN"
  ]
  node
  [
    id 37
    name "FRA"
  ]
  node
  [
    id 38
    name "ICE"
  ]
  node
  [
    id 39
    name "ITA"
  ]
  node
  [
    id 40
    name "LUX"
  ]
  node
  [
    id 41
    name "NDL"
  ]
  node
  [
    id 42
    name "PRG"
  ]
  node
  [
    id 43
    name "BUL"
  ]
  node
  [
    id 44
    name "CZE"
  ]
  node
  [
    id 45
    name "HUN"
  ]
  node
  [
    id 46
    name "POL"
  ]
  node
  [
    id 47
    name "ROM"
  ]
  node
  [
    id 48
    name "CHN"
  ]
  node
  [
    id 49
    name "MON"
  ]
  node
  [
    id 50
    name "TWN"
  ]
  node
  [
    id 51
    name "EGY"
  ]
  node
  [
    id 52
    name "ISR"
  ]
  node
  [
    id 53
    name "JOR"
  ]
  node
  [
    id 54
    name "LEB"
  ]
  node
  [
    id 55
    name "SAU"
  ]
  node
  [
    id 56
    name "YAR"
  ]
  node
  [
    id 57
    name "ESP"
  ]
  node
  [
    id 58
    name "FIN"
  ]
  node
  [
    id 59
    name "THA"
  ]
  node
  [
    id 60
    name "IND"
  ]
  node
  [
    id 61
    name "SYR"
  ]
  node
  [
    id 62
    name "KOR"
  ]
  node
  [
    id 63
    name "NKR"
  ]
  edge
  [
    source 1
    target 0
    weight 1
  ]
  edge
  [
    source 2
    target 0
    weight 1
  ]
  edge
  [
    source 3
    target 0
    weight -1
  ]
  edge
  [
    source 4
    target 0
    weight 1
  ]
  edge
  [
    source 5
    target 0
    weight 1
  ]
  edge
  [
    source 7
    target 1
    weight -1
  ]
  edge
  [
    source 2
    target 1
    weight 1
  ]
  edge
  [
    source 4
    target 1
    weight -1
  ]
  edge
  [
    source 5
    target 1
    weight 1
  ]
  edge
  [
    source 51
    target 2
    weight 1
  ]
  edge
  [
    source 7
    target 2
    weight 1
  ]
  edge
  [
    source 52
    target 2
    weight -1
  ]
  edge
  [
    source 53
    target 2
    weight -1
  ]
  edge
  [
    source 54
    target 2
    weight 1
  ]
  edge
  [
    source 55
    target 2
    weight 1
  ]
  edge
  [
    source 5
    target 2
    weight 1
  ]
  edge
  [
    source 56
    target 2
    weight 1
  ]
  edge
  [
    source 60
    target 3
    weight -1
  ]
  edge
  [
    source 43
    target 4
    weight 1
  ]
  edge
  [
    source 48
    target 4
    weight -1
  ]
  edge
  [
    source 44
    target 4
    weight 1
  ]
  edge
  [
    source 58
    target 4
    weight 1
  ]
  edge
  [
    source 37
    target 4
    weight -1
  ]
  edge
  [
    source 7
    target 4
    weight -1
  ]
  edge
  [
    source 45
    target 4
    weight 1
  ]
  edge
  [
    source 38
    target 4
    weight -1
  ]
  edge
  [
    source 49
    target 4
    weight 1
  ]
  edge
  [
    source 46
    target 4
    weight 1
  ]
  edge
  [
    source 47
    target 4
    weight 1
  ]
  edge
  [
    source 5
    target 4
    weight -1
  ]
  edge
  [
    source 50
    target 4
    weight -1
  ]
  edge
  [
    source 30
    target 4
    weight -1
  ]
  edge
  [
    source 9
    target 4
    weight -1
  ]
  edge
  [
    source 7
    target 6
    weight -1
  ]
  edge
  [
    source 8
    target 6
    weight -1
  ]
  edge
  [
    source 9
    target 6
    weight -1
  ]
  edge
  [
    source 10
    target 7
    weight -1
  ]
  edge
  [
    source 34
    target 7
    weight 1
  ]
  edge
  [
    source 35
    target 7
    weight 1
  ]
  edge
  [
    source 13
    target 7
    weight -1
  ]
  edge
  [
    source 36
    target 7
    weight 1
  ]
  edge
  [
    source 51
    target 7
    weight 1
  ]
  edge
  [
    source 37
    target 7
    weight 1
  ]
  edge
  [
    source 38
    target 7
    weight 1
  ]
  edge
  [
    source 52
    target 7
    weight -1
  ]
  edge
  [
    source 39
    target 7
    weight 1
  ]
  edge
  [
    source 53
    target 7
    weight 1
  ]
  edge
  [
    source 40
    target 7
    weight 1
  ]
  edge
  [
    source 41
    target 7
    weight 1
  ]
  edge
  [
    source 25
    target 7
    weight 1
  ]
  edge
  [
    source 42
    target 7
    weight 1
  ]
  edge
  [
    source 50
    target 7
    weight -1
  ]
  edge
  [
    source 30
    target 7
    weight 1
  ]
  edge
  [
    source 56
    target 7
    weight -1
  ]
  edge
  [
    source 9
    target 7
    weight -1
  ]
  edge
  [
    source 43
    target 9
    weight 1
  ]
  edge
  [
    source 44
    target 9
    weight 1
  ]
  edge
  [
    source 45
    target 9
    weight -1
  ]
  edge
  [
    source 46
    target 9
    weight 1
  ]
  edge
  [
    source 47
    target 9
    weight 1
  ]
  edge
  [
    source 30
    target 9
    weight -1
  ]
  edge
  [
    source 11
    target 10
    weight 1
  ]
  edge
  [
    source 12
    target 10
    weight 1
  ]
  edge
  [
    source 13
    target 10
    weight 1
  ]
  edge
  [
    source 14
    target 10
    weight 1
  ]
  edge
  [
    source 15
    target 10
    weight 1
  ]
  edge
  [
    source 16
    target 10
    weight 1
  ]
  edge
  [
    source 17
    target 10
    weight 1
  ]
  edge
  [
    source 18
    target 10
    weight 1
  ]
  edge
  [
    source 19
    target 10
    weight 1
  ]
  edge
  [
    source 20
    target 10
    weight 1
  ]
  edge
  [
    source 21
    target 10
    weight 1
  ]
  edge
  [
    source 22
    target 10
    weight 1
  ]
  edge
  [
    source 23
    target 10
    weight 1
  ]
  edge
  [
    source 24
    target 10
    weight 1
  ]
  edge
  [
    source 25
    target 10
    weight -1
  ]
  edge
  [
    source 26
    target 10
    weight 1
  ]
  edge
  [
    source 27
    target 10
    weight 1
  ]
  edge
  [
    source 28
    target 10
    weight 1
  ]
  edge
  [
    source 29
    target 10
    weight 1
  ]
  edge
  [
    source 30
    target 10
    weight 1
  ]
  edge
  [
    source 31
    target 10
    weight 1
  ]
  edge
  [
    source 12
    target 11
    weight 1
  ]
  edge
  [
    source 13
    target 11
    weight 1
  ]
  edge
  [
    source 14
    target 11
    weight 1
  ]
  edge
  [
    source 15
    target 11
    weight 1
  ]
  edge
  [
    source 16
    target 11
    weight 1
  ]
  edge
  [
    source 17
    target 11
    weight 1
  ]
  edge
  [
    source 18
    target 11
    weight 1
  ]
  edge
  [
    source 19
    target 11
    weight 1
  ]
  edge
  [
    source 20
    target 11
    weight 1
  ]
  edge
  [
    source 21
    target 11
    weight 1
  ]
  edge
  [
    source 22
    target 11
    weight 1
  ]
  edge
  [
    source 23
    target 11
    weight 1
  ]
  edge
  [
    source 24
    target 11
    weight 1
  ]
  edge
  [
    source 26
    target 11
    weight 1
  ]
  edge
  [
    source 27
    target 11
    weight 1
  ]
  edge
  [
    source 28
    target 11
    weight 1
  ]
  edge
  [
    source 29
    target 11
    weight 1
  ]
  edge
  [
    source 30
    target 11
    weight 1
  ]
  edge
  [
    source 31
    target 11
    weight 1
  ]
  edge
  [
    source 13
    target 12
    weight 1
  ]
  edge
  [
    source 14
    target 12
    weight 1
  ]
  edge
  [
    source 15
    target 12
    weight 1
  ]
  edge
  [
    source 16
    target 12
    weight 1
  ]
  edge
  [
    source 17
    target 12
    weight 1
  ]
  edge
  [
    source 18
    target 12
    weight 1
  ]
  edge
  [
    source 19
    target 12
    weight 1
  ]
  edge
  [
    source 20
    target 12
    weight 1
  ]
  edge
  [
    source 21
    target 12
    weight 1
  ]
  edge
  [
    source 22
    target 12
    weight 1
  ]
  edge
  [
    source 23
    target 12
    weight 1
  ]
  edge
  [
    source 24
    target 12
    weight 1
  ]
  edge
  [
    source 26
    target 12
    weight 1
  ]
  edge
  [
    source 27
    target 12
    weight 1
  ]
  edge
  [
    source 28
    target 12
    weight 1
  ]
  edge
  [
    source 29
    target 12
    weight 1
  ]
  edge
  [
    source 30
    target 12
    weight 1
  ]
  edge
  [
    source 31
    target 12
    weight 1
  ]
  edge
  [
    source 14
    target 13
    weight 1
  ]
  edge
  [
    source 15
    target 13
    weight 1
  ]
  edge
  [
    source 16
    target 13
    weight 1
  ]
  edge
  [
    source 17
    target 13
    weight 1
  ]
  edge
  [
    source 18
    target 13
    weight 1
  ]
  edge
  [
    source 19
    target 13
    weight 1
  ]
  edge
  [
    source 20
    target 13
    weight 1
  ]
  edge
  [
    source 21
    target 13
    weight 1
  ]
  edge
  [
    source 22
    target 13
    weight 1
  ]
  edge
  [
    source 23
    target 13
    weight 1
  ]
  edge
  [
    source 24
    target 13
    weight 1
  ]
  edge
  [
    source 26
    target 13
    weight 1
  ]
  edge
  [
    source 27
    target 13
    weight 1
  ]
  edge
  [
    source 28
    target 13
    weight 1
  ]
  edge
  [
    source 29
    target 13
    weight 1
  ]
  edge
  [
    source 30
    target 13
    weight 1
  ]
  edge
  [
    source 31
    target 13
    weight 1
  ]
  edge
  [
    source 15
    target 14
    weight 1
  ]
  edge
  [
    source 16
    target 14
    weight 1
  ]
  edge
  [
    source 17
    target 14
    weight 1
  ]
  edge
  [
    source 18
    target 14
    weight 1
  ]
  edge
  [
    source 19
    target 14
    weight 1
  ]
  edge
  [
    source 20
    target 14
    weight 1
  ]
  edge
  [
    source 21
    target 14
    weight 1
  ]
  edge
  [
    source 22
    target 14
    weight 1
  ]
  edge
  [
    source 23
    target 14
    weight 1
  ]
  edge
  [
    source 24
    target 14
    weight 1
  ]
  edge
  [
    source 26
    target 14
    weight 1
  ]
  edge
  [
    source 27
    target 14
    weight 1
  ]
  edge
  [
    source 28
    target 14
    weight 1
  ]
  edge
  [
    source 29
    target 14
    weight 1
  ]
  edge
  [
    source 30
    target 14
    weight 1
  ]
  edge
  [
    source 31
    target 14
    weight 1
  ]
  edge
  [
    source 16
    target 15
    weight 1
  ]
  edge
  [
    source 17
    target 15
    weight 1
  ]
  edge
  [
    source 18
    target 15
    weight 1
  ]
  edge
  [
    source 19
    target 15
    weight 1
  ]
  edge
  [
    source 20
    target 15
    weight 1
  ]
  edge
  [
    source 21
    target 15
    weight 1
  ]
  edge
  [
    source 22
    target 15
    weight 1
  ]
  edge
  [
    source 23
    target 15
    weight 1
  ]
  edge
  [
    source 24
    target 15
    weight -1
  ]
  edge
  [
    source 26
    target 15
    weight 1
  ]
  edge
  [
    source 27
    target 15
    weight 1
  ]
  edge
  [
    source 28
    target 15
    weight 1
  ]
  edge
  [
    source 29
    target 15
    weight 1
  ]
  edge
  [
    source 30
    target 15
    weight 1
  ]
  edge
  [
    source 31
    target 15
    weight 1
  ]
  edge
  [
    source 17
    target 16
    weight 1
  ]
  edge
  [
    source 18
    target 16
    weight 1
  ]
  edge
  [
    source 19
    target 16
    weight 1
  ]
  edge
  [
    source 20
    target 16
    weight 1
  ]
  edge
  [
    source 21
    target 16
    weight 1
  ]
  edge
  [
    source 22
    target 16
    weight 1
  ]
  edge
  [
    source 23
    target 16
    weight 1
  ]
  edge
  [
    source 24
    target 16
    weight 1
  ]
  edge
  [
    source 26
    target 16
    weight 1
  ]
  edge
  [
    source 27
    target 16
    weight 1
  ]
  edge
  [
    source 28
    target 16
    weight 1
  ]
  edge
  [
    source 29
    target 16
    weight 1
  ]
  edge
  [
    source 30
    target 16
    weight 1
  ]
  edge
  [
    source 31
    target 16
    weight 1
  ]
  edge
  [
    source 18
    target 17
    weight 1
  ]
  edge
  [
    source 19
    target 17
    weight 1
  ]
  edge
  [
    source 20
    target 17
    weight 1
  ]
  edge
  [
    source 21
    target 17
    weight -1
  ]
  edge
  [
    source 22
    target 17
    weight 1
  ]
  edge
  [
    source 23
    target 17
    weight 1
  ]
  edge
  [
    source 24
    target 17
    weight 1
  ]
  edge
  [
    source 26
    target 17
    weight 1
  ]
  edge
  [
    source 27
    target 17
    weight 1
  ]
  edge
  [
    source 28
    target 17
    weight 1
  ]
  edge
  [
    source 29
    target 17
    weight 1
  ]
  edge
  [
    source 30
    target 17
    weight 1
  ]
  edge
  [
    source 31
    target 17
    weight 1
  ]
  edge
  [
    source 19
    target 18
    weight 1
  ]
  edge
  [
    source 20
    target 18
    weight 1
  ]
  edge
  [
    source 21
    target 18
    weight 1
  ]
  edge
  [
    source 22
    target 18
    weight 1
  ]
  edge
  [
    source 23
    target 18
    weight 1
  ]
  edge
  [
    source 24
    target 18
    weight 1
  ]
  edge
  [
    source 26
    target 18
    weight 1
  ]
  edge
  [
    source 27
    target 18
    weight 1
  ]
  edge
  [
    source 28
    target 18
    weight 1
  ]
  edge
  [
    source 29
    target 18
    weight 1
  ]
  edge
  [
    source 30
    target 18
    weight 1
  ]
  edge
  [
    source 31
    target 18
    weight 1
  ]
  edge
  [
    source 20
    target 19
    weight 1
  ]
  edge
  [
    source 21
    target 19
    weight 1
  ]
  edge
  [
    source 22
    target 19
    weight 1
  ]
  edge
  [
    source 23
    target 19
    weight 1
  ]
  edge
  [
    source 24
    target 19
    weight 1
  ]
  edge
  [
    source 26
    target 19
    weight 1
  ]
  edge
  [
    source 27
    target 19
    weight 1
  ]
  edge
  [
    source 28
    target 19
    weight 1
  ]
  edge
  [
    source 29
    target 19
    weight 1
  ]
  edge
  [
    source 30
    target 19
    weight 1
  ]
  edge
  [
    source 31
    target 19
    weight 1
  ]
  edge
  [
    source 21
    target 20
    weight 1
  ]
  edge
  [
    source 22
    target 20
    weight 1
  ]
  edge
  [
    source 23
    target 20
    weight 1
  ]
  edge
  [
    source 24
    target 20
    weight 1
  ]
  edge
  [
    source 26
    target 20
    weight 1
  ]
  edge
  [
    source 27
    target 20
    weight 1
  ]
  edge
  [
    source 28
    target 20
    weight 1
  ]
  edge
  [
    source 29
    target 20
    weight 1
  ]
  edge
  [
    source 30
    target 20
    weight 1
  ]
  edge
  [
    source 31
    target 20
    weight 1
  ]
  edge
  [
    source 22
    target 21
    weight 1
  ]
  edge
  [
    source 23
    target 21
    weight 1
  ]
  edge
  [
    source 24
    target 21
    weight 1
  ]
  edge
  [
    source 26
    target 21
    weight 1
  ]
  edge
  [
    source 27
    target 21
    weight 1
  ]
  edge
  [
    source 28
    target 21
    weight 1
  ]
  edge
  [
    source 29
    target 21
    weight 1
  ]
  edge
  [
    source 30
    target 21
    weight 1
  ]
  edge
  [
    source 31
    target 21
    weight 1
  ]
  edge
  [
    source 23
    target 22
    weight 1
  ]
  edge
  [
    source 24
    target 22
    weight 1
  ]
  edge
  [
    source 26
    target 22
    weight 1
  ]
  edge
  [
    source 27
    target 22
    weight 1
  ]
  edge
  [
    source 28
    target 22
    weight 1
  ]
  edge
  [
    source 29
    target 22
    weight 1
  ]
  edge
  [
    source 30
    target 22
    weight 1
  ]
  edge
  [
    source 31
    target 22
    weight 1
  ]
  edge
  [
    source 24
    target 23
    weight 1
  ]
  edge
  [
    source 26
    target 23
    weight 1
  ]
  edge
  [
    source 27
    target 23
    weight 1
  ]
  edge
  [
    source 28
    target 23
    weight 1
  ]
  edge
  [
    source 29
    target 23
    weight 1
  ]
  edge
  [
    source 30
    target 23
    weight 1
  ]
  edge
  [
    source 31
    target 23
    weight 1
  ]
  edge
  [
    source 26
    target 24
    weight 1
  ]
  edge
  [
    source 27
    target 24
    weight 1
  ]
  edge
  [
    source 28
    target 24
    weight 1
  ]
  edge
  [
    source 29
    target 24
    weight 1
  ]
  edge
  [
    source 30
    target 24
    weight 1
  ]
  edge
  [
    source 31
    target 24
    weight 1
  ]
  edge
  [
    source 34
    target 25
    weight 1
  ]
  edge
  [
    source 35
    target 25
    weight 1
  ]
  edge
  [
    source 36
    target 25
    weight 1
  ]
  edge
  [
    source 37
    target 25
    weight 1
  ]
  edge
  [
    source 38
    target 25
    weight 1
  ]
  edge
  [
    source 39
    target 25
    weight 1
  ]
  edge
  [
    source 40
    target 25
    weight 1
  ]
  edge
  [
    source 41
    target 25
    weight 1
  ]
  edge
  [
    source 42
    target 25
    weight 1
  ]
  edge
  [
    source 30
    target 25
    weight 1
  ]
  edge
  [
    source 27
    target 26
    weight 1
  ]
  edge
  [
    source 28
    target 26
    weight 1
  ]
  edge
  [
    source 29
    target 26
    weight 1
  ]
  edge
  [
    source 30
    target 26
    weight 1
  ]
  edge
  [
    source 31
    target 26
    weight 1
  ]
  edge
  [
    source 28
    target 27
    weight 1
  ]
  edge
  [
    source 29
    target 27
    weight 1
  ]
  edge
  [
    source 30
    target 27
    weight 1
  ]
  edge
  [
    source 31
    target 27
    weight 1
  ]
  edge
  [
    source 29
    target 28
    weight 1
  ]
  edge
  [
    source 30
    target 28
    weight 1
  ]
  edge
  [
    source 31
    target 28
    weight 1
  ]
  edge
  [
    source 30
    target 29
    weight 1
  ]
  edge
  [
    source 31
    target 29
    weight 1
  ]
  edge
  [
    source 34
    target 30
    weight 1
  ]
  edge
  [
    source 35
    target 30
    weight 1
  ]
  edge
  [
    source 48
    target 30
    weight -1
  ]
  edge
  [
    source 36
    target 30
    weight 1
  ]
  edge
  [
    source 37
    target 30
    weight 1
  ]
  edge
  [
    source 38
    target 30
    weight 1
  ]
  edge
  [
    source 39
    target 30
    weight 1
  ]
  edge
  [
    source 40
    target 30
    weight 1
  ]
  edge
  [
    source 41
    target 30
    weight 1
  ]
  edge
  [
    source 42
    target 30
    weight 1
  ]
  edge
  [
    source 50
    target 30
    weight -1
  ]
  edge
  [
    source 31
    target 30
    weight 1
  ]
  edge
  [
    source 33
    target 32
    weight 1
  ]
  edge
  [
    source 35
    target 34
    weight 1
  ]
  edge
  [
    source 36
    target 34
    weight 1
  ]
  edge
  [
    source 37
    target 34
    weight 1
  ]
  edge
  [
    source 38
    target 34
    weight 1
  ]
  edge
  [
    source 39
    target 34
    weight 1
  ]
  edge
  [
    source 40
    target 34
    weight 1
  ]
  edge
  [
    source 41
    target 34
    weight 1
  ]
  edge
  [
    source 42
    target 34
    weight 1
  ]
  edge
  [
    source 36
    target 35
    weight 1
  ]
  edge
  [
    source 37
    target 35
    weight 1
  ]
  edge
  [
    source 38
    target 35
    weight 1
  ]
  edge
  [
    source 39
    target 35
    weight 1
  ]
  edge
  [
    source 40
    target 35
    weight 1
  ]
  edge
  [
    source 41
    target 35
    weight 1
  ]
  edge
  [
    source 42
    target 35
    weight 1
  ]
  edge
  [
    source 37
    target 36
    weight 1
  ]
  edge
  [
    source 38
    target 36
    weight 1
  ]
  edge
  [
    source 39
    target 36
    weight 1
  ]
  edge
  [
    source 40
    target 36
    weight 1
  ]
  edge
  [
    source 41
    target 36
    weight 1
  ]
  edge
  [
    source 42
    target 36
    weight 1
  ]
  edge
  [
    source 48
    target 37
    weight -1
  ]
  edge
  [
    source 38
    target 37
    weight 1
  ]
  edge
  [
    source 39
    target 37
    weight 1
  ]
  edge
  [
    source 40
    target 37
    weight 1
  ]
  edge
  [
    source 41
    target 37
    weight 1
  ]
  edge
  [
    source 42
    target 37
    weight 1
  ]
  edge
  [
    source 59
    target 37
    weight -1
  ]
  edge
  [
    source 39
    target 38
    weight 1
  ]
  edge
  [
    source 40
    target 38
    weight 1
  ]
  edge
  [
    source 41
    target 38
    weight 1
  ]
  edge
  [
    source 42
    target 38
    weight 1
  ]
  edge
  [
    source 40
    target 39
    weight 1
  ]
  edge
  [
    source 41
    target 39
    weight 1
  ]
  edge
  [
    source 42
    target 39
    weight 1
  ]
  edge
  [
    source 41
    target 40
    weight 1
  ]
  edge
  [
    source 42
    target 40
    weight 1
  ]
  edge
  [
    source 42
    target 41
    weight 1
  ]
  edge
  [
    source 57
    target 42
    weight 1
  ]
  edge
  [
    source 44
    target 43
    weight 1
  ]
  edge
  [
    source 45
    target 43
    weight 1
  ]
  edge
  [
    source 46
    target 43
    weight 1
  ]
  edge
  [
    source 47
    target 43
    weight 1
  ]
  edge
  [
    source 45
    target 44
    weight 1
  ]
  edge
  [
    source 46
    target 44
    weight 1
  ]
  edge
  [
    source 47
    target 44
    weight 1
  ]
  edge
  [
    source 46
    target 45
    weight 1
  ]
  edge
  [
    source 47
    target 45
    weight 1
  ]
  edge
  [
    source 47
    target 46
    weight 1
  ]
  edge
  [
    source 49
    target 48
    weight -1
  ]
  edge
  [
    source 50
    target 48
    weight -1
  ]
  edge
  [
    source 52
    target 51
    weight -1
  ]
  edge
  [
    source 53
    target 51
    weight -1
  ]
  edge
  [
    source 54
    target 51
    weight 1
  ]
  edge
  [
    source 55
    target 51
    weight 1
  ]
  edge
  [
    source 56
    target 51
    weight 1
  ]
  edge
  [
    source 53
    target 52
    weight -1
  ]
  edge
  [
    source 54
    target 52
    weight -1
  ]
  edge
  [
    source 61
    target 52
    weight -1
  ]
  edge
  [
    source 54
    target 53
    weight 1
  ]
  edge
  [
    source 55
    target 53
    weight 1
  ]
  edge
  [
    source 61
    target 53
    weight -1
  ]
  edge
  [
    source 56
    target 53
    weight 1
  ]
  edge
  [
    source 55
    target 54
    weight 1
  ]
  edge
  [
    source 61
    target 54
    weight -1
  ]
  edge
  [
    source 56
    target 54
    weight 1
  ]
  edge
  [
    source 56
    target 55
    weight 1
  ]
  edge
  [
    source 63
    target 62
    weight -1
  ]
]
