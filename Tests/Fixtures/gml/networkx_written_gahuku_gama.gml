graph [
  node [
    id 0
    label "Gavev"
  ]
  node [
    id 1
    label "Kotun"
  ]
  node [
    id 2
    label "Ove"
  ]
  node [
    id 3
    label "Alika"
  ]
  node [
    id 4
    label "Nagam"
  ]
  node [
    id 5
    label "Gahuk"
  ]
  node [
    id 6
    label "Masil"
  ]
  node [
    id 7
    label "Ukudz"
  ]
  node [
    id 8
    label "Notoh"
  ]
  node [
    id 9
    label "Kohik"
  ]
  node [
    id 10
    label "Geham"
  ]
  node [
    id 11
    label "Asaro"
  ]
  node [
    id 12
    label "Uheto"
  ]
  node [
    id 13
    label "Seuve"
  ]
  node [
    id 14
    label "Nagad"
  ]
  node [
    id 15
    label "Gama"
  ]
  edge [
    source 0
    target 1
    weight 1
  ]
  edge [
    source 0
    target 2
    weight -1
  ]
  edge [
    source 0
    target 3
    weight -1
  ]
  edge [
    source 0
    target 4
    weight -1
  ]
  edge [
    source 0
    target 5
    weight -1
  ]
  edge [
    source 0
    target 11
    weight -1
  ]
  edge [
    source 0
    target 14
    weight 1
  ]
  edge [
    source 0
    target 15
    weight 1
  ]
  edge [
    source 1
    target 2
    weight -1
  ]
  edge [
    source 1
    target 4
    weight -1
  ]
  edge [
    source 1
    target 5
    weight -1
  ]
  edge [
    source 1
    target 8
    weight -1
  ]
  edge [
    source 1
    target 9
    weight -1
  ]
  edge [
    source 1
    target 14
    weight 1
  ]
  edge [
    source 1
    target 15
    weight 1
  ]
  edge [
    source 2
    target 3
    weight 1
  ]
  edge [
    source 2
    target 5
    weight 1
  ]
  edge [
    source 2
    target 6
    weight 1
  ]
  edge [
    source 2
    target 7
    weight 1
  ]
  edge [
    source 3
    target 7
    weight 1
  ]
  edge [
    source 4
    target 6
    weight 1
  ]
  edge [
    source 4
    target 8
    weight 1
  ]
  edge [
    source 4
    target 13
    weight 1
  ]
  edge [
    source 4
    target 14
    weight -1
  ]
  edge [
    source 4
    target 15
    weight -1
  ]
  edge [
    source 5
    target 6
    weight 1
  ]
  edge [
    source 5
    target 7
    weight 1
  ]
  edge [
    source 5
    target 8
    weight -1
  ]
  edge [
    source 5
    target 10
    weight 1
  ]
  edge [
    source 5
    target 11
    weight 1
  ]
  edge [
    source 5
    target 12
    weight -1
  ]
  edge [
    source 5
    target 15
    weight -1
  ]
  edge [
    source 6
    target 7
    weight 1
  ]
  edge [
    source 6
    target 10
    weight 1
  ]
  edge [
    source 6
    target 11
    weight 1
  ]
  edge [
    source 6
    target 12
    weight 1
  ]
  edge [
    source 7
    target 10
    weight 1
  ]
  edge [
    source 7
    target 11
    weight 1
  ]
  edge [
    source 7
    target 13
    weight -1
  ]
  edge [
    source 8
    target 9
    weight 1
  ]
  edge [
    source 8
    target 10
    weight -1
  ]
  edge [
    source 8
    target 12
    weight 1
  ]
  edge [
    source 8
    target 14
    weight -1
  ]
  edge [
    source 9
    target 10
    weight -1
  ]
  edge [
    source 9
    target 12
    weight 1
  ]
  edge [
    source 9
    target 14
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
    weight -1
  ]
  edge [
    source 10
    target 14
    weight -1
  ]
  edge [
    source 10
    target 15
    weight -1
  ]
  edge [
    source 11
    target 13
    weight -1
  ]
  edge [
    source 11
    target 14
    weight -1
  ]
  edge [
    source 11
    target 15
    weight -1
  ]
  edge [
    source 12
    target 13
    weight 1
  ]
  edge [
    source 12
    target 14
    weight -1
  ]
  edge [
    source 12
    target 15
    weight -1
  ]
  edge [
    source 13
    target 15
    weight -1
  ]
  edge [
    source 14
    target 15
    weight 1
  ]
]
