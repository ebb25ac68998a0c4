Creator "igraph version 1.0.0"
Version 1
graph
[
  directed 0
  name "Zachary's Karate Club"
  node
  [
    id 0
    club "Mr. Hi"
    name "0"
  ]
  node
  [
    id 1
    club "Mr. Hi"
    name "1"
  ]
  node
  [
    id 2
    club "Mr. Hi"
    name "2"
  ]
  node
  [
    id 3
    club "Mr. Hi"
    name "3"
  ]
  node
  [
    id 4
    club "Mr. Hi"
    name "4"
  ]
  node
  [
    id 5
    club "Mr. Hi"
    name "5"
  ]
  node
  [
    id 6
    club "Mr. Hi"
    name "6"
  ]
  node
  [
    id 7
    club "Mr. Hi"
    name "7"
  ]
  node
  [
    id 8
    club "Mr. Hi"
    name "8"
  ]
  node
  [
    id 9
    club "Officer"
    name "9"
  ]
  node
  [
    id 10
    club "Mr. Hi"
    name "10"
  ]
  node
  [
    id 11
    club "Mr. Hi"
    name "11"
  ]
  node
  [
    id 12
    club "Mr. Hi"
    name "12"
  ]
  node
  [
    id 13
    club "Mr. Hi"
    name "13"
  ]
  node
  [
    id 14
    club "Officer"
    name "14"
  ]
  node
  [
    id 15
    club "Officer"
    name "15"
  ]
  node
  [
    id 16
    club "Mr. Hi"
    name "16"
  ]
  node
  [
    id 17
    club "Mr. Hi"
    name "17"
  ]
  node
  [
    id 18
    club "Officer"
    name "18"
  ]
  node
  [
    id 19
    club "Mr. Hi"
    name "19"
  ]
  node
  [
    id 20
    club "Officer"
    name "20"
  ]
  node
  [
    id 21
    club "Mr. Hi"
    name "21"
  ]
  node
  [
    id 22
    club "Officer"
    name "22"
  ]
  node
  [
    id 23
    club "Officer"
    name "23"
  ]
  node
  [
    id 24
    club "Officer"
    name "24"
  ]
  node
  [
    id 25
    club "Officer"
    name "25"
  ]
  node
  [
    id 26
    club "Officer"
    name "26"
  ]
  node
  [
    id 27
    club "Officer"
    name "27"
  ]
  node
  [
    id 28
    club "Officer"
    name "28"
  ]
  node
  [
    id 29
    club "Officer"
    name "29"
  ]
  node
  [
    id 30
    club "Officer"
    name "30"
  ]
  node
  [
    id 31
    club "Officer"
    name "31"
  ]
  node
  [
    id 32
    club "Officer"
    name "32"
  ]
  node
  [
    id 33
    club "Officer"
    name "33"
  ]
  edge
  [
    source 1
    target 0
    weight 4
  ]
  edge
  [
    source 2
    target 0
    weight 5
  ]
  edge
  [
    source 3
    target 0
    weight 3
  ]
  edge
  [
    source 4
    target 0
    weight 3
  ]
  edge
  [
    source 5
    target 0
    weight 3
  ]
  edge
  [
    source 6
    target 0
    weight 3
  ]
  edge
  [
    source 7
    target 0
    weight 2
  ]
  edge
  [
    source 8
    target 0
    weight 2
  ]
  edge
  [
    source 10
    target 0
    weight 2
  ]
  edge
  [
    source 11
    target 0
    weight 3
  ]
  edge
  [
    source 12
    target 0
    weight 1
  ]
  edge
  [
    source 13
    target 0
    weight 3
  ]
  edge
  [
    source 17
    target 0
    weight 2
  ]
  edge
  [
    source 19
    target 0
    weight 2
  ]
  edge
  [
    source 21
    target 0
    weight 2
  ]
  edge
  [
    source 31
    target 0
    weight 2
  ]
  edge
  [
    source 2
    target 1
    weight 6
  ]
  edge
  [
    source 3
    target 1
    weight 3
  ]
  edge
  [
    source 7
    target 1
    weight 4
  ]
  edge
  [
    source 13
    target 1
    weight 5
  ]
  edge
  [
    source 17
    target 1
    weight 1
  ]
  edge
  [
    source 19
    target 1
    weight 2
  ]
  edge
  [
    source 21
    target 1
    weight 2
  ]
  edge
  [
    source 30
    target 1
    weight 2
  ]
  edge
  [
    source 3
    target 2
    weight 3
  ]
  edge
  [
    source 7
    target 2
    weight 4
  ]
  edge
  [
    source 8
    target 2
    weight 5
  ]
  edge
  [
    source 9
    target 2
    weight 1
  ]
  edge
  [
    source 13
    target 2
    weight 3
  ]
  edge
  [
    source 27
    target 2
    weight 2
  ]
  edge
  [
    source 28
    target 2
    weight 2
  ]
  edge
  [
    source 32
    target 2
    weight 2
  ]
  edge
  [
    source 7
    target 3
    weight 3
  ]
  edge
  [
    source 12
    target 3
    weight 3
  ]
  edge
  [
    source 13
    target 3
    weight 3
  ]
  edge
  [
    source 6
    target 4
    weight 2
  ]
  edge
  [
    source 10
    target 4
    weight 3
  ]
  edge
  [
    source 6
    target 5
    weight 5
  ]
  edge
  [
    source 10
    target 5
    weight 3
  ]
  edge
  [
    source 16
    target 5
    weight 3
  ]
  edge
  [
    source 16
    target 6
    weight 3
  ]
  edge
  [
    source 30
    target 8
    weight 3
  ]
  edge
  [
    source 32
    target 8
    weight 3
  ]
  edge
  [
    source 33
    target 8
    weight 4
  ]
  edge
  [
    source 33
    target 9
    weight 2
  ]
  edge
  [
    source 33
    target 13
    weight 3
  ]
  edge
  [
    source 32
    target 14
    weight 3
  ]
  edge
  [
    source 33
    target 14
    weight 2
  ]
  edge
  [
    source 32
    target 15
    weight 3
  ]
  edge
  [
    source 33
    target 15
    weight 4
  ]
  edge
  [
    source 32
    target 18
    weight 1
  ]
  edge
  [
    source 33
    target 18
    weight 2
  ]
  edge
  [
    source 33
    target 19
    weight 1
  ]
  edge
  [
    source 32
    target 20
    weight 3
  ]
  edge
  [
    source 33
    target 20
    weight 1
  ]
  edge
  [
    source 32
    target 22
    weight 2
  ]
  edge
  [
    source 33
    target 22
    weight 3
  ]
  edge
  [
    source 25
    target 23
    weight 5
  ]
  edge
  [
    source 27
    target 23
    weight 4
  ]
  edge
  [
    source 29
    target 23
    weight 3
  ]
  edge
  [
    source 32
    target 23
    weight 5
  ]
  edge
  [
    source 33
    target 23
    weight 4
  ]
  edge
  [
    source 25
    target 24
    weight 2
  ]
  edge
  [
    source 27
    target 24
    weight 3
  ]
  edge
  [
    source 31
    target 24
    weight 2
  ]
  edge
  [
    source 31
    target 25
    weight 7
  ]
  edge
  [
    source 29
    target 26
    weight 4
  ]
  edge
  [
    source 33
    target 26
    weight 2
  ]
  edge
  [
    source 33
    target 27
    weight 4
  ]
  edge
  [
    source 31
    target 28
    weight 2
  ]
  edge
  [
    source 33
    target 28
    weight 2
  ]
  edge
  [
    source 32
    target 29
    weight 4
  ]
  edge
  [
    source 33
    target 29
    weight 2
  ]
  edge
  [
    source 32
    target 30
    weight 3
  ]
  edge
  [
    source 33
    target 30
    weight 3
  ]
  edge
  [
    source 32
    target 31
    weight 4
  ]
  edge
  [
    source 33
    target 31
    weight 4
  ]
  edge
  [
    source 33
    target 32
    weight 5
  ]
]
