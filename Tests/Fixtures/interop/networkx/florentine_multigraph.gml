graph [
  multigraph 1
  node [
    id 0
    label "Acciaiuoli"
  ]
  node [
    id 1
    label "Medici"
  ]
  node [
    id 2
    label "Albizzi"
  ]
  node [
    id 3
    label "Ginori"
  ]
  node [
    id 4
    label "Guadagni"
  ]
  node [
    id 5
    label "Barbadori"
  ]
  node [
    id 6
    label "Castellani"
  ]
  node [
    id 7
    label "Bischeri"
  ]
  node [
    id 8
    label "Peruzzi"
  ]
  node [
    id 9
    label "Strozzi"
  ]
  node [
    id 10
    label "Lamberteschi"
  ]
  node [
    id 11
    label "Tornabuoni"
  ]
  node [
    id 12
    label "Ridolfi"
  ]
  node [
    id 13
    label "Salviati"
  ]
  node [
    id 14
    label "Pazzi"
  ]
  edge [
    source 0
    target 1
    key 0
    relation "marriage"
  ]
  edge [
    source 1
    target 2
    key 0
    relation "marriage"
  ]
  edge [
    source 1
    target 5
    key 0
    relation "marriage"
  ]
  edge [
    source 1
    target 5
    key 1
    relation "business"
  ]
  edge [
    source 1
    target 12
    key 0
    relation "marriage"
  ]
  edge [
    source 1
    target 13
    key 0
    relation "marriage"
  ]
  edge [
    source 1
    target 13
    key 1
    relation "business"
  ]
  edge [
    source 1
    target 11
    key 0
    relation "marriage"
  ]
  edge [
    source 1
    target 11
    key 1
    relation "business"
  ]
  edge [
    source 1
    target 3
    key 0
    relation "business"
  ]
  edge [
    source 1
    target 14
    key 0
    relation "business"
  ]
  edge [
    source 2
    target 3
    key 0
    relation "marriage"
  ]
  edge [
    source 2
    target 4
    key 0
    relation "marriage"
  ]
  edge [
    source 3
    target 5
    key 0
    relation "business"
  ]
  edge [
    source 4
    target 7
    key 0
    relation "marriage"
  ]
  edge [
    source 4
    target 7
    key 1
    relation "business"
  ]
  edge [
    source 4
    target 10
    key 0
    relation "marriage"
  ]
  edge [
    source 4
    target 10
    key 1
    relation "business"
  ]
  edge [
    source 4
    target 11
    key 0
    relation "marriage"
  ]
  edge [
    source 5
    target 6
    key 0
    relation "marriage"
  ]
  edge [
    source 5
    target 6
    key 1
    relation "business"
  ]
  edge [
    source 5
    target 8
    key 0
    relation "business"
  ]
  edge [
    source 6
    target 8
    key 0
    relation "marriage"
  ]
  edge [
    source 6
    target 8
    key 1
    relation "business"
  ]
  edge [
    source 6
    target 9
    key 0
    relation "marriage"
  ]
  edge [
    source 6
    target 10
    key 0
    relation "business"
  ]
  edge [
    source 7
    target 8
    key 0
    relation "marriage"
  ]
  edge [
    source 7
    target 8
    key 1
    relation "business"
  ]
  edge [
    source 7
    target 9
    key 0
    relation "marriage"
  ]
  edge [
    source 7
    target 10
    key 0
    relation "business"
  ]
  edge [
    source 8
    target 9
    key 0
    relation "marriage"
  ]
  edge [
    source 8
    target 10
    key 0
    relation "business"
  ]
  edge [
    source 9
    target 12
    key 0
    relation "marriage"
  ]
  edge [
    source 11
    target 12
    key 0
    relation "marriage"
  ]
  edge [
    source 13
    target 14
    key 0
    relation "marriage"
  ]
]
